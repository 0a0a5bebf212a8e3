import type { Role } from "@/lib/generated/prisma/enums";

/** Every permission the app checks. */
export const PERMISSIONS = [
  "account:self",
  "users:manage",
  "audit-log:read",
  "seeds:read",
  "seeds:write",
  "seeds:review",
  "seeds:export",
  "seeds:import",
  "seeds:retire",
  "vocab:manage",
  "datasets:manage",
  "datasets:read",
  "audits:manage",
  "audits:review",
  "audits:results",
  "studies:manage",
  "studies:rate",
  "studies:results",
  "phi:redact",
  // Issue 17: stored exports (manifest, file, bundle) of seeds, campaigns and studies.
  "exports:read",
  "webhooks:manage",
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

/** A decision (granted or not) for every role on every permission of P. */
export type TPermissionTable<P extends string = TPermission> = {
  readonly [K in P]: Readonly<Record<Role, boolean>>;
};

/**
 * The single permission table: one row per permission, one decision per role. `satisfies` makes a
 * permission added to PERMISSIONS fail to compile until its row exists, and a row fail to compile
 * until every role has a decision (permissions.types.test.ts proves both).
 */
export const PERMISSION_TABLE = {
  "account:self": { ADMIN: true, CLINICIAN: true, RESEARCHER: true },
  "users:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "audit-log:read": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "seeds:read": { ADMIN: true, CLINICIAN: true, RESEARCHER: true },
  "seeds:write": { ADMIN: false, CLINICIAN: true, RESEARCHER: false },
  "seeds:review": { ADMIN: false, CLINICIAN: true, RESEARCHER: false },
  "seeds:export": { ADMIN: true, CLINICIAN: false, RESEARCHER: true },
  "seeds:import": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "seeds:retire": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "vocab:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "datasets:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "datasets:read": { ADMIN: true, CLINICIAN: false, RESEARCHER: true },
  "audits:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "audits:review": { ADMIN: false, CLINICIAN: true, RESEARCHER: false },
  "audits:results": { ADMIN: true, CLINICIAN: false, RESEARCHER: true },
  "studies:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "studies:rate": { ADMIN: false, CLINICIAN: true, RESEARCHER: false },
  "studies:results": { ADMIN: true, CLINICIAN: false, RESEARCHER: true },
  "phi:redact": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
  "exports:read": { ADMIN: true, CLINICIAN: false, RESEARCHER: true },
  "webhooks:manage": { ADMIN: true, CLINICIAN: false, RESEARCHER: false },
} as const satisfies TPermissionTable;

/** Each role's permissions, read from PERMISSION_TABLE (for the attack suite and screens that list them). */
const granted = (role: Role): readonly TPermission[] => PERMISSIONS.filter((p) => PERMISSION_TABLE[p][role]);
export const ROLE_PERMISSIONS: Record<Role, readonly TPermission[]> = {
  ADMIN: granted("ADMIN"),
  CLINICIAN: granted("CLINICIAN"),
  RESEARCHER: granted("RESEARCHER"),
};

export function hasPermission(role: Role | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  // Fail closed: a role or permission the table does not know is denied.
  const row: Partial<Record<string, boolean>> | undefined = PERMISSION_TABLE[permission];
  return row?.[role] === true;
}

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Admin",
  CLINICIAN: "Clinician",
  RESEARCHER: "Researcher",
};
