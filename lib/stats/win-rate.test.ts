import { describe, expect, it } from "vitest";
import { winRate } from "./win-rate";

describe("winRate", () => {
  it("scores ties and both-bad as half and uses the ddof=1 standard error", () => {
    // Scores 1,1,1,0,.5,.5: mean 2/3; Σ(x − mean)² = 15/18; var = 1/6; SE = sqrt(1/6)/sqrt(6) = 1/6.
    const result = winRate({ winsA: 3, winsB: 1, ties: 1, bothBad: 1 });
    expect(result.n).toBe(6);
    expect(result.winRate).toBeCloseTo(2 / 3, 12);
    expect(result.standardError).toBeCloseTo(1 / 6, 12);
  });

  it("agrees with a direct sample-SD computation on a lopsided sample", () => {
    const scores = [...new Array<number>(40).fill(1), ...new Array<number>(7).fill(0), 0.5, 0.5, 0.5];
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    const sd = Math.sqrt(scores.reduce((a, x) => a + (x - mean) ** 2, 0) / (scores.length - 1));
    const result = winRate({ winsA: 40, winsB: 7, ties: 2, bothBad: 1 });
    expect(result.winRate).toBeCloseTo(mean, 12);
    expect(result.standardError).toBeCloseTo(sd / Math.sqrt(scores.length), 12);
  });

  it("has zero standard error when every vote is the same", () => {
    expect(winRate({ winsA: 0, winsB: 0, ties: 0, bothBad: 5 })).toEqual({
      winRate: 0.5,
      standardError: 0,
      n: 5,
    });
  });

  it("returns NaN where the statistic is undefined", () => {
    expect(winRate({ winsA: 0, winsB: 0, ties: 0, bothBad: 0 }).winRate).toBeNaN();
    const single = winRate({ winsA: 1, winsB: 0, ties: 0, bothBad: 0 });
    expect(single.winRate).toBe(1);
    expect(single.standardError).toBeNaN();
  });

  it("rejects negative or fractional counts", () => {
    expect(() => winRate({ winsA: -1, winsB: 0, ties: 0, bothBad: 0 })).toThrow(RangeError);
    expect(() => winRate({ winsA: 1.5, winsB: 0, ties: 0, bothBad: 0 })).toThrow(RangeError);
  });
});
