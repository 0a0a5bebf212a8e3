import type { User } from "@/lib/generated/prisma/client";

/**
 * What the audit trail keeps of a user: their id, never their name or e-mail (resolved when the
 * trail is read, so pseudonymising them changes no audit row) and never the password hash.
 */
export function userAuditJson(u: User) {
  return { userId: u.id, role: u.role, status: u.status };
}
