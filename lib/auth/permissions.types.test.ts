// The permission table's type is the point: `npx tsc --noEmit -p .` checks this file, and each
// expected error below fails the compile if the mistake under it were ever accepted.
import { expect, it } from "vitest";
import type { Role } from "@/lib/generated/prisma/enums";
import { PERMISSION_TABLE, PERMISSIONS, type TPermission, type TPermissionTable } from "./permissions";

it("a new permission does not compile until every role has a decision on it", () => {
  // @ts-expect-error: the table has no row for a permission added to PERMISSIONS ("reports:read").
  const newPermission: TPermissionTable<TPermission | "reports:read"> = PERMISSION_TABLE;

  const rowWithoutRole: TPermissionTable<"reports:read"> = {
    // @ts-expect-error: a row that leaves out a role (RESEARCHER) is refused.
    "reports:read": { ADMIN: true, CLINICIAN: false },
  };

  const decided: Record<Role, boolean> = { ADMIN: true, CLINICIAN: false, RESEARCHER: false };
  const complete: TPermissionTable<"reports:read"> = { "reports:read": decided };

  expect([newPermission, rowWithoutRole, complete]).toHaveLength(3);
  expect(Object.keys(PERMISSION_TABLE).sort()).toEqual([...PERMISSIONS].sort());
});
