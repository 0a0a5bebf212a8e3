/** Pure: the reasons production mode must refuse to start (empty when it may start). */
export function productionRefusals(input: {
  /** Verified embedded demo (lib/boot/check-production.ts), not merely CLINREVIEW_EMBEDDED=1. */
  embedded: boolean;
  secret: string | undefined;
  /** NEXTAUTH_URL: the only source of the links in invitation and reset e-mails. */
  publicUrl: string | undefined;
  demoAccounts: number;
}): string[] {
  if (input.embedded) return [];
  const reasons: string[] = [];
  if (!input.secret || input.secret.length < 32) {
    reasons.push(
      "NEXTAUTH_SECRET must be set to at least 32 random characters (for example: openssl rand -base64 48).",
    );
  }
  if (!input.publicUrl) {
    reasons.push(
      "NEXTAUTH_URL must be set to the public address users reach ClinReview at (for example https://clinreview.hospital.org): invitation and password-reset links are built from it, never from the request's Host header.",
    );
  }
  if (input.demoAccounts > 0) {
    reasons.push(
      `${input.demoAccounts} demo account(s) exist in this database. Demo accounts are for the embedded demo only: use a fresh database.`,
    );
  }
  return reasons;
}
