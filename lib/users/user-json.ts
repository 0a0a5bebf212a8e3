import type { User } from "@/lib/generated/prisma/client";

/** What the audit trail keeps of a user: never the password hash. */
export function userAuditJson(u: User) {
  return { email: u.email, name: u.name, role: u.role, status: u.status };
}
