import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./backoff";

const policy = { baseMs: 1_000, capMs: 60_000 };

describe("retry backoff", () => {
  it("doubles per attempt between half and the whole step, and stops growing at the cap", () => {
    for (const [attempt, step] of [
      [1, 1_000],
      [2, 2_000],
      [3, 4_000],
      [7, 60_000],
      [30, 60_000],
    ] as const) {
      expect(retryDelayMs(attempt, policy, 0)).toBe(step / 2);
      expect(retryDelayMs(attempt, policy, 0.999999)).toBeLessThanOrEqual(step);
      expect(retryDelayMs(attempt, policy, 0.999999)).toBeGreaterThan(step * 0.99);
    }
  });

  it("spreads deliveries that failed together (jitter)", () => {
    const delays = new Set([0.1, 0.4, 0.7, 0.9].map((r) => retryDelayMs(4, policy, r)));
    expect(delays.size).toBe(4);
  });
});
