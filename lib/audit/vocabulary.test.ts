import { describe, expect, it } from "vitest";
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITY_TYPES,
  canonicalSpelling,
  LEGACY_AUDIT_SPELLINGS,
  legacyActionsStartingWith,
  storedSpellings,
} from "./vocabulary";

describe("the audit vocabulary", () => {
  it("has one spelling per action and entity type: lower snake case, actions <entity>.<verb>, no duplicates", () => {
    for (const a of AUDIT_ACTIONS) expect(a).toMatch(/^[a-z][a-z_]*\.[a-z][a-z_]*$/);
    for (const t of AUDIT_ENTITY_TYPES) expect(t).toMatch(/^[a-z][a-z_]*$/);
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ENTITY_TYPES).size).toBe(AUDIT_ENTITY_TYPES.length);
  });

  it("maps every legacy spelling to a current one, and never a current spelling", () => {
    for (const [old, current] of Object.entries(LEGACY_AUDIT_SPELLINGS.action)) {
      expect(AUDIT_ACTIONS as readonly string[]).toContain(current);
      expect(AUDIT_ACTIONS as readonly string[]).not.toContain(old);
    }
    for (const [old, current] of Object.entries(LEGACY_AUDIT_SPELLINGS.entityType)) {
      expect(AUDIT_ENTITY_TYPES as readonly string[]).toContain(current);
      expect(AUDIT_ENTITY_TYPES as readonly string[]).not.toContain(old);
    }
  });

  it("reads old rows in today's spelling, and leaves current or unknown spellings alone", () => {
    expect(canonicalSpelling("entityType", "Study")).toBe("study");
    expect(canonicalSpelling("entityType", "QueueAssignment")).toBe("queue_assignment");
    expect(canonicalSpelling("action", "seeds.import")).toBe("seed.import");
    expect(canonicalSpelling("action", "seed.import")).toBe("seed.import");
    expect(canonicalSpelling("entityType", "toString")).toBe("toString");
  });

  it("filters on every stored spelling of what was asked", () => {
    expect(storedSpellings("entityType", "study")).toEqual(["study", "Study"]);
    expect(storedSpellings("entityType", "Study")).toEqual(["study", "Study"]);
    expect(storedSpellings("entityType", "seed")).toEqual(["seed"]);
    expect(legacyActionsStartingWith("seed.")).toEqual(["seeds.export", "seeds.import"]);
    expect(legacyActionsStartingWith("seed.exp")).toEqual(["seeds.export"]);
    expect(legacyActionsStartingWith("study.")).toEqual([]);
  });
});
