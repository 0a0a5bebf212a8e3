import { describe, expect, it } from "vitest";
import { estimateTotal } from "./estimate-total";

describe("estimateTotal", () => {
  it("scales rate and interval by the population size", () => {
    expect(estimateTotal(0.18, { lower: 0.08, upper: 0.28 }, 1000)).toEqual({
      estimate: 180,
      lower: 80,
      upper: 280,
    });
  });

  it("handles a zero population and a zero rate", () => {
    expect(estimateTotal(0.5, { lower: 0.2, upper: 0.8 }, 0)).toEqual({ estimate: 0, lower: 0, upper: 0 });
    expect(estimateTotal(0, { lower: 0, upper: 0.068 }, 500).upper).toBeCloseTo(34, 10);
  });

  it("rejects inconsistent input", () => {
    expect(() => estimateTotal(0.5, { lower: 0.6, upper: 0.8 }, 10)).toThrow(RangeError);
    expect(() => estimateTotal(1.5, { lower: 0, upper: 1 }, 10)).toThrow(RangeError);
    expect(() => estimateTotal(0.5, { lower: 0.2, upper: 0.8 }, -1)).toThrow(RangeError);
  });
});
