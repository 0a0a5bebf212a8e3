import { describe, expect, it } from "vitest";
import { attentionCheckPassRates } from "./attention-checks";
import { wilsonInterval } from "./wilson";

describe("attentionCheckPassRates", () => {
  it("computes per-rater pass rates with Wilson intervals, accepting any listed answer", () => {
    const result = attentionCheckPassRates([
      { raterId: "b", expected: "A", choice: "A" },
      { raterId: "b", expected: "A", choice: "tie" },
      { raterId: "b", expected: ["B", "both_bad"], choice: "both_bad" },
      { raterId: "a", expected: "B", choice: "B" },
    ]);
    expect(result).toEqual([
      { raterId: "a", checks: 1, passed: 1, passRate: 1, ci: wilsonInterval(1, 1) },
      { raterId: "b", checks: 3, passed: 2, passRate: 2 / 3, ci: wilsonInterval(2, 3) },
    ]);
  });

  it("rejects a check nobody could pass", () => {
    expect(() => attentionCheckPassRates([{ raterId: "a", expected: [], choice: "A" }])).toThrow(RangeError);
  });
});
