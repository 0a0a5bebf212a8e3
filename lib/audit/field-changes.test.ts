import { describe, expect, it } from "vitest";
import { fieldChanges, showValue } from "./field-changes";

describe("fieldChanges", () => {
  it("lists changed fields with before and after, leaving unchanged ones out", () => {
    expect(fieldChanges({ role: "CLINICIAN", name: "Ana" }, { role: "ADMIN", name: "Ana" })).toEqual([
      { field: "role", before: "CLINICIAN", after: "ADMIN" },
    ]);
  });

  it("shows fields set by a create and removed by a delete", () => {
    expect(fieldChanges(null, { name: "C1", reviewersPerItem: 2 })).toEqual([
      { field: "name", before: null, after: "C1" },
      { field: "reviewersPerItem", before: null, after: "2" },
    ]);
    expect(fieldChanges({ label: "x" }, null)).toEqual([{ field: "label", before: "x", after: null }]);
  });

  it("flattens nested objects to dotted names and lists to comma-separated values", () => {
    expect(
      fieldChanges({ filter: { status: "A" }, ids: ["a", "b"] }, { filter: { status: "B" }, ids: [] }),
    ).toEqual([
      { field: "filter.status", before: "A", after: "B" },
      { field: "ids", before: "a, b", after: "(none)" },
    ]);
  });

  it("shows a scalar before/after as one 'value' field and cuts long text", () => {
    expect(fieldChanges("old", "new")).toEqual([{ field: "value", before: "old", after: "new" }]);
    expect(showValue("x".repeat(400))).toHaveLength(301);
    expect(showValue([{ a: 1 }])).toBe('[{"a":1}]');
  });

  it("answers nothing for a row without before or after", () => {
    expect(fieldChanges(null, null)).toEqual([]);
  });
});
