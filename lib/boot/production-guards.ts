/** Pure: the reasons production mode must refuse to start (empty when it may start). */
export function productionRefusals(input: { embedded: boolean; secret: string | undefined; demoAccounts: number }): string[] {
  if (input.embedded) return [];
  const reasons: string[] = [];
  if (!input.secret || input.secret.length < 32) {
    reasons.push("NEXTAUTH_SECRET must be set to at least 32 random characters (for example: openssl rand -base64 48).");
  }
  if (input.demoAccounts > 0) {
    reasons.push(
      `${input.demoAccounts} demo account(s) exist in this database. Demo accounts are for the embedded demo only: use a fresh database.`,
    );
  }
  return reasons;
}
