import { describe, expect, it } from "vitest";
import { canonicalSpelling } from "./canonical-spelling";

describe("canonicalSpelling", () => {
  it("maps case, spaces and dashes onto the one allowed spelling", () => {
    expect(canonicalSpelling("Accept ", ["accept", "reject", "revise"])).toBe("accept");
    expect(canonicalSpelling("both-bad", ["A", "B", "tie", "both_bad"])).toBe("both_bad");
    expect(canonicalSpelling("a", ["A", "B"])).toBe("A");
    expect(canonicalSpelling("All pairs", ["all_pairs", "vs_reference"])).toBe("all_pairs");
  });

  it("leaves a value that matches nothing to a person", () => {
    expect(canonicalSpelling("maybe", ["accept", "reject", "revise"])).toBeNull();
    expect(canonicalSpelling("", ["A", "B"])).toBeNull();
  });
});
