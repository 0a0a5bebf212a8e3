import { describe, expect, it } from "vitest";
import { auditSubject, subjectLabel } from "./audit-subject";

const U = "3f1c2a9e-5b7d-4e21-9a0b-1c2d3e4f5a6b";
const V = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

describe("auditSubject", () => {
  it("takes the person from the row's shape: an account row's entity id, an invitation, a top-level userId", () => {
    expect(auditSubject({ entityType: "user", entityId: U, before: null, after: { userId: V } })).toEqual({
      kind: "user",
      id: U,
    });
    expect(
      auditSubject({ entityType: "invitation", entityId: U, before: null, after: { role: "CLINICIAN" } }),
    ).toEqual({ kind: "invitation", id: U });
    expect(auditSubject({ entityType: "user", entityId: null, before: null, after: { userId: V } })).toEqual({
      kind: "user",
      id: V,
    });
    expect(auditSubject({ entityType: "user", entityId: null, before: { userId: U }, after: null })).toEqual({
      kind: "user",
      id: U,
    });
    expect(
      auditSubject({ entityType: "invitation", entityId: null, before: null, after: { userId: U } }),
    ).toEqual({ kind: "user", id: U });
  });

  it("never from values: names, e-mails, nested or malformed ids and other entities' ids are no one", () => {
    expect(
      auditSubject({ entityType: "audit_item", entityId: U, before: null, after: { verdict: "accept" } }),
    ).toBeNull();
    expect(
      auditSubject({
        entityType: "user",
        entityId: "dana@example.org",
        before: null,
        after: { email: "dana@example.org" },
      }),
    ).toBeNull();
    expect(
      auditSubject({ entityType: "user", entityId: null, before: null, after: { emailSha256: "ab" } }),
    ).toBeNull();
    expect(
      auditSubject({ entityType: "seed", entityId: null, before: null, after: { nested: { userId: U } } }),
    ).toBeNull();
    expect(
      auditSubject({ entityType: "seed", entityId: null, before: null, after: { userId: "R-1234" } }),
    ).toBeNull();
    expect(
      auditSubject({
        entityType: "invitation",
        entityId: "old@example.org",
        before: null,
        after: { role: "ADMIN" },
      }),
    ).toBeNull();
    expect(auditSubject({ entityType: "Study", entityId: null, before: null, after: [U] })).toBeNull();
  });
});

describe("subjectLabel", () => {
  it("shows the person as they are now, or says what is missing", () => {
    expect(
      subjectLabel({ kind: "user", name: "Former user R-1a2b", email: "r-1a2b@pseudonymised.invalid" }),
    ).toBe("Former user R-1a2b <r-1a2b@pseudonymised.invalid>");
    expect(subjectLabel({ kind: "user", name: null, email: null })).toBe("Unknown user");
    expect(subjectLabel({ kind: "invitation", name: null, email: "ivy@example.org" })).toBe(
      "Invitation to <ivy@example.org>",
    );
    expect(subjectLabel({ kind: "invitation", name: null, email: null })).toBe(
      "Invitation (its link was removed)",
    );
  });
});
