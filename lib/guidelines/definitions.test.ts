import { describe, expect, it } from "vitest";
import { cleanDefinitions, defineItems, definitionsOf, mustAcknowledge } from "./definitions";

describe("guideline definitions", () => {
  it("reads only string definitions back from JSON", () => {
    expect(definitionsOf({ a: "x", b: 3, c: null })).toEqual({ a: "x" });
    expect(definitionsOf([1, 2])).toEqual({});
    expect(definitionsOf(null)).toEqual({});
  });

  it("keeps trimmed definitions of known keys and refuses unknown ones", () => {
    const r = cleanDefinitions({ incomplete: "  Misses a step ", formatting: "  ", other: "x" }, [
      "incomplete",
      "formatting",
    ]);
    expect(r.definitions).toEqual({ incomplete: "Misses a step" });
    expect(Object.keys(r.fieldErrors)).toEqual(["definitions.other"]);
  });

  it("falls back to an item's own description when the version does not define it", () => {
    expect(
      defineItems(
        [
          { key: "a", label: "A", fallback: "stored" },
          { key: "b", label: "B" },
        ],
        { b: "defined" },
      ),
    ).toEqual([
      { key: "a", label: "A", definition: "stored" },
      { key: "b", label: "B", definition: "defined" },
    ]);
  });

  it("asks for an acknowledgement only when a version exists that was not acknowledged", () => {
    expect(mustAcknowledge(null, null)).toBe(false);
    expect(mustAcknowledge(2, 2)).toBe(false);
    expect(mustAcknowledge(2, 1)).toBe(true);
    expect(mustAcknowledge(1, null)).toBe(true);
  });
});
