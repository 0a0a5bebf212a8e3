import { describe, expect, it } from "vitest";
import {
  DEFAULT_PROGRESS_WIDTH,
  formatMoreNeeded,
  progressHeadline,
  progressState,
  ZProgressWidth,
} from "./progress-verdict";

const pair = (adjacent: boolean, settled: boolean) => ({ adjacent, settled });

describe("progressState", () => {
  it("names each state of the card", () => {
    expect(progressState(undefined)).toBe("no-judgements");
    expect(progressState([])).toBe("no-judgements");
    expect(progressState([pair(true, false)])).toBe("one-pair");
    expect(progressState([pair(true, true), pair(true, true), pair(false, false)])).toBe("all-settled");
    expect(progressState([pair(true, false), pair(true, false), pair(false, true)])).toBe("none-settled");
    expect(progressState([pair(true, true), pair(true, false), pair(false, true)])).toBe("some-settled");
  });
});

describe("progressHeadline", () => {
  it("says done only when every adjacent order is settled, and what a closed study means", () => {
    expect(progressHeadline("all-settled", { closed: false })).toMatch(/^Done/);
    expect(progressHeadline("some-settled", { closed: false, settledPairs: 1, adjacentPairs: 3 })).toContain(
      "1 of 3",
    );
    expect(progressHeadline("none-settled", { closed: true })).toContain("follow-up");
    expect(progressHeadline("one-pair", { closed: false, onlyPairSettled: true })).toContain("is settled");
    expect(progressHeadline("one-pair", { closed: false, onlyPairSettled: false })).toContain("not settled");
    expect(progressHeadline("no-judgements", { closed: false })).toContain("No judgements yet");
  });
});

describe("ZProgressWidth", () => {
  it("takes a number of Elo points from a search param and refuses nonsense", () => {
    expect(ZProgressWidth.parse("80")).toBe(80);
    expect(ZProgressWidth.safeParse("0").success).toBe(false);
    expect(ZProgressWidth.safeParse("-10").success).toBe(false);
    expect(ZProgressWidth.safeParse("abc").success).toBe(false);
    expect(ZProgressWidth.safeParse("1e9").success).toBe(false);
    expect(ZProgressWidth.parse(String(DEFAULT_PROGRESS_WIDTH))).toBe(DEFAULT_PROGRESS_WIDTH);
  });
});

describe("formatMoreNeeded", () => {
  it("rounds up, says when the target is reached, and shows a dash when it cannot estimate", () => {
    expect(formatMoreNeeded(0)).toBe("0 (reached)");
    expect(formatMoreNeeded(37)).toBe("≈ 37");
    expect(formatMoreNeeded(431)).toBe("≈ 440");
    expect(formatMoreNeeded(12_001)).toBe("≈ 12,100");
    expect(formatMoreNeeded(Number.NaN)).toBe("–");
  });
});
