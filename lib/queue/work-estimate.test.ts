import { describe, expect, it } from "vitest";
import { estimateRemainingMs, formatEstimate } from "./work-estimate";

describe("estimateRemainingMs", () => {
  it("says nothing until three submissions", () => {
    expect(estimateRemainingMs({ medianMs: 30_000, submissions: 2, remaining: 10 })).toBeNull();
    expect(estimateRemainingMs({ medianMs: null, submissions: 5, remaining: 10 })).toBeNull();
  });
  it("multiplies the median by what is left", () => {
    expect(estimateRemainingMs({ medianMs: 30_000, submissions: 3, remaining: 10 })).toBe(300_000);
    expect(estimateRemainingMs({ medianMs: 30_000, submissions: 3, remaining: -1 })).toBe(0);
  });
});

describe("formatEstimate", () => {
  it("words", () => {
    expect(formatEstimate(null)).toBe("—");
    expect(formatEstimate(0)).toBe("none left");
    expect(formatEstimate(300_000)).toBe("about 5 min");
    expect(formatEstimate(65 * 60_000)).toBe("about 1 h 5 min");
    expect(formatEstimate(120 * 60_000)).toBe("about 2 h");
  });
});
