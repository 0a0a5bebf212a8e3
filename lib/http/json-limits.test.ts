import { expect, it } from "vitest";
import { jsonBodyProblem, MAX_JSON_DEPTH } from "./json-limits";

const nested = (depth: number, leaf = "1") => JSON.parse(`${"[".repeat(depth)}${leaf}${"]".repeat(depth)}`) as unknown;

it("finds 1e400 anywhere in a parsed body, and nothing in ordinary numbers", () => {
  expect(jsonBodyProblem(JSON.parse('{"a":[1,{"b":1e400}]}'))).toBe("huge-number");
  expect(jsonBodyProblem(JSON.parse("-1e400"))).toBe("huge-number");
  expect(jsonBodyProblem(JSON.parse('{"a":[1.5e300,-2,0,"1e400"],"b":null}'))).toBeNull();
});

it("refuses nesting past the limit, however deep, and takes it up to the limit", () => {
  expect(jsonBodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
  expect(jsonBodyProblem(nested(MAX_JSON_DEPTH + 1))).toBe("too-deep");
  expect(jsonBodyProblem({ ok: 1, extra: nested(100_000) })).toBe("too-deep");
  expect(jsonBodyProblem(nested(3, "1e400"))).toBe("huge-number");
});
