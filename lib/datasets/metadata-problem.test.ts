import { describe, expect, it } from "vitest";
import { MAX_METADATA_DEPTH, metadataProblem } from "./metadata-problem";

describe("metadataProblem", () => {
  it("passes ordinary metadata", () => {
    expect(
      metadataProblem({ topic: "Cardiology", difficulty: 3, tags: ["a", { b: null }], score: 1e300 }),
    ).toBeNull();
  });
  it("refuses a number JSON read as Infinity, which would be stored as null", () => {
    expect(metadataProblem(JSON.parse('{"x": [1e400]}'))).toBe("holds a number too large to store");
  });
  it("refuses deep nesting without overflowing the stack", () => {
    const deep = JSON.parse(`{"x":${"[".repeat(400_000)}${"]".repeat(400_000)}}`) as unknown;
    expect(metadataProblem(deep)).toBe(`nests deeper than ${MAX_METADATA_DEPTH} levels`);
    let ok: unknown = 1;
    for (let i = 0; i < MAX_METADATA_DEPTH - 1; i++) ok = [ok];
    expect(metadataProblem({ ok })).toBeNull();
  });
});
