import { describe, expect, it } from "vitest";
import { findUnstorableText, findUnstorableValue } from "./storable-text";

describe("findUnstorableText", () => {
  it("finds NUL and lone surrogates by path, in values and keys", () => {
    expect(findUnstorableText({ name: "a\u0000b" })).toBe("name");
    expect(findUnstorableText({ flags: [{ label: "ok" }, { label: "x\uD800" }] })).toBe("flags.1.label");
    expect(findUnstorableText({ meta: { "k\u0000": 1 } })).toBe("meta.k\u0000");
    expect(findUnstorableText("\uDC00tail")).toBe("(value)");
  });
  it("passes ordinary clinical text, emoji (paired surrogates) and non-strings", () => {
    expect(
      findUnstorableText({ a: "BP 120/80, SpO₂ 94 % 😷", b: [1, null, true, { c: "µg/kg ≥ 2" }] }),
    ).toBeNull();
  });
  it("walks a body nested 100,000 deep without overflowing the stack, reporting the first hit in document order", () => {
    let deep: unknown = "a\u0000";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnstorableText(deep)?.split(".")).toHaveLength(100_000);
    expect(findUnstorableText({ a: ["ok", "x\u0000"], b: "\u0000" })).toBe("a.1");
  });
});

describe("findUnstorableValue", () => {
  it("finds a number JSON read as Infinity by path, which jsonb would keep as null", () => {
    expect(findUnstorableValue(JSON.parse('{"payload": {"ok": 1e300, "x": [1, -1e400]}}'))).toEqual({
      path: "payload.x.1",
      problem: "number",
    });
    expect(findUnstorableValue({ a: "x\u0000", b: Infinity })).toEqual({ path: "a", problem: "text" });
    expect(findUnstorableValue({ a: 1.5, b: [0, -0, Number.MAX_VALUE] })).toBeNull();
  });
  it("findUnstorableText still looks at text only", () => {
    expect(findUnstorableText({ n: Infinity })).toBeNull();
  });
});
