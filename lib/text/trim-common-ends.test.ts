import { describe, expect, it } from "vitest";
import { trimCommonEnds } from "./trim-common-ends";

describe("trimCommonEnds", () => {
  it("keeps only the edited middle, on word boundaries", () => {
    expect(trimCommonEnds("Rest and fluids for two days.", "Rest and water for two days.")).toEqual({
      head: "Rest and ",
      before: "fluids",
      after: "water",
      tail: " for two days.",
    });
  });

  it("puts the texts back together exactly", () => {
    const cases: [string, string][] = [
      ["a b c", "a b c"],
      ["", "new text"],
      ["same  spacing\nkept", "same  spacing\nkept too"],
      ["x y", "y"],
      ["one one one", "one one"],
    ];
    for (const [before, after] of cases) {
      const t = trimCommonEnds(before, after);
      expect(t.head + t.before + t.tail).toBe(before);
      expect(t.head + t.after + t.tail).toBe(after);
    }
  });

  it("never lets head and tail overlap when one text repeats the other's words", () => {
    const t = trimCommonEnds("one one one", "one one");
    expect(t.head.length + t.tail.length).toBeLessThanOrEqual("one one".length);
    expect(t.before).not.toBe("");
  });

  it("compares whole words: a changed letter makes the word differ", () => {
    expect(trimCommonEnds("dose 5 mg", "dose 50 mg")).toMatchObject({ before: "5", after: "50" });
  });
});
