import type { Role } from "@/lib/generated/prisma/enums";

/** Every permission the app checks. Adding one here forces a decision for each role below. */
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
] as const;

export type TPermission = (typeof PERMISSIONS)[number];

/** The single role → permission table (fail closed: absent means denied). */
export const ROLE_PERMISSIONS: Record<Role, readonly TPermission[]> = {
  ADMIN: [
    "account:self",
    "users:manage",
    "audit-log:read",
    "seeds:read",
    "seeds:export",
    "seeds:import",
    "seeds:retire",
    "vocab:manage",
    "datasets:manage",
    "datasets:read",
    "audits:manage",
    "audits:results",
    "studies:manage",
    "studies:results",
    "phi:redact",
  ],
  CLINICIAN: ["account:self", "seeds:read", "seeds:write", "seeds:review", "audits:review", "studies:rate"],
  RESEARCHER: ["account:self", "seeds:read", "seeds:export", "datasets:read", "audits:results", "studies:results"],
};

export function hasPermission(role: Role | null | undefined, permission: TPermission): boolean {
  if (!role) return false;
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Admin",
  CLINICIAN: "Clinician",
  RESEARCHER: "Researcher",
};
