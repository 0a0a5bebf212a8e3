import { expect, it } from "vitest";
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS } from "./permissions";

it("fails closed and keeps each role to its duties", () => {
  expect(hasPermission(null, "account:self")).toBe(false);
  expect(hasPermission("NURSE" as never, "account:self")).toBe(false);
  for (const role of ["ADMIN", "CLINICIAN", "RESEARCHER"] as const) {
    for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    expect(hasPermission(role, "account:self")).toBe(true);
  }
  expect(hasPermission("ADMIN", "users:manage")).toBe(true);
  expect(hasPermission("CLINICIAN", "users:manage")).toBe(false);
  expect(hasPermission("RESEARCHER", "audit-log:read")).toBe(false);
  // Raters never manage studies, and admins do not rate (they see model identities).
  expect(hasPermission("CLINICIAN", "studies:manage")).toBe(false);
  expect(hasPermission("ADMIN", "studies:rate")).toBe(false);
  expect(hasPermission("CLINICIAN", "seeds:review")).toBe(true);
  expect(hasPermission("RESEARCHER", "seeds:write")).toBe(false);
});
