import { createHash } from "node:crypto";

/**
 * What an audit row keeps of an address typed at sign-in: the id of the account it belongs to
 * (its name and e-mail are shown from the id when the trail is read), else only its SHA-256 hex,
 * which still tells repeated attempts apart. An address that matches no account may be no one's,
 * or a password typed into the wrong field, so it is never stored as typed. The migration
 * …_audit_person_ids rewrote earlier rows the same way.
 */
export function typedAddressJson(
  typed: string,
  userId: string | null,
): { userId: string } | { emailSha256: string } {
  return userId ? { userId } : { emailSha256: createHash("sha256").update(typed, "utf8").digest("hex") };
}
