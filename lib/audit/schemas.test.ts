import { describe, expect, it } from "vitest";
import { ZAuditFilter } from "./schemas";

describe("ZAuditFilter dates", () => {
  it("makes a date-only `to` include that whole day (UTC) and nothing after it", () => {
    const f = ZAuditFilter.parse({ from: "2026-01-01", to: "2026-01-31" });
    expect(f.from?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(f.to?.toISOString()).toBe("2026-01-31T23:59:59.999Z");
  });

  it("keeps a full timestamp `to` as given, and rejects what is not a date", () => {
    expect(ZAuditFilter.parse({ to: "2026-01-31T12:00:00Z" }).to?.toISOString()).toBe(
      "2026-01-31T12:00:00.000Z",
    );
    expect(ZAuditFilter.safeParse({ to: "31/01/2026x" }).success).toBe(false);
    expect(ZAuditFilter.parse({ to: "" }).to).toBeUndefined();
  });
});

describe("ZAuditFilter action, entity and person", () => {
  it("takes a whole action or a prefix ending in a dot, and blank as no filter", () => {
    expect(ZAuditFilter.parse({ action: "user.role_change" }).action).toBe("user.role_change");
    expect(ZAuditFilter.parse({ action: "user." }).action).toBe("user.");
    expect(ZAuditFilter.parse({ action: "", entityType: "", actorId: "" })).toMatchObject({
      action: undefined,
      entityType: undefined,
      actorId: undefined,
    });
  });

  it("refuses free text, unknown entity types and a person that is not an id", () => {
    for (const bad of [{ action: "user" }, { action: "DROP TABLE" }, { action: "user.Role" }]) {
      expect(ZAuditFilter.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(ZAuditFilter.safeParse({ entityType: "nonsense" }).success).toBe(false);
    expect(ZAuditFilter.parse({ entityType: "Study" }).entityType).toBe("Study");
    expect(ZAuditFilter.safeParse({ actorId: "ana" }).success).toBe(false);
  });
});
