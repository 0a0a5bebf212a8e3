import { describe, expect, it } from "vitest";
import { benchBradleyTerry } from "./bench-bradley-terry";

// Only checks the script runs end to end on a small workload; timings are not asserted.
describe("benchBradleyTerry", () => {
  it("returns a positive, finite duration in milliseconds", () => {
    const ms = benchBradleyTerry({ judgements: 500, models: 4, rounds: 20 });
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBeGreaterThan(0);
  });
});
