import { expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestsTooDeep } from "./json-limits";

const nested = (depth: number, leaf = "1") =>
  JSON.parse(`${"[".repeat(depth)}${leaf}${"]".repeat(depth)}`) as unknown;

it("refuses nesting past the limit, however deep, and takes it up to the limit", () => {
  expect(nestsTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
  expect(nestsTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
  expect(nestsTooDeep({ ok: 1, extra: nested(100_000) })).toBe(true);
  expect(nestsTooDeep({ a: [1, { b: "x" }], c: null })).toBe(false);
});
