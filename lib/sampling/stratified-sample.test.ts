import { describe, expect, it } from "vitest";
import { stratifiedSample, type StratifiedItem } from "./stratified-sample";

function makeItems(counts: Record<string, number>): StratifiedItem[] {
  return Object.entries(counts).flatMap(([stratum, n]) =>
    Array.from({ length: n }, (_, i) => ({ id: `${stratum}-${i}`, stratum })),
  );
}

describe("stratifiedSample", () => {
  const items = makeItems({ cardiology: 60, oncology: 30, paediatrics: 10 });

  it("allocates proportionally and reports stratum populations", () => {
    const { sample, strata } = stratifiedSample(items, 20, "seed");
    expect(strata).toEqual([
      { stratum: "cardiology", population: 60, sampled: 12 },
      { stratum: "oncology", population: 30, sampled: 6 },
      { stratum: "paediatrics", population: 10, sampled: 2 },
    ]);
    expect(sample).toHaveLength(20);
    for (const { stratum, sampled } of strata) {
      expect(sample.filter((s) => s.stratum === stratum)).toHaveLength(sampled);
    }
  });

  it("returns only real items, each once, with their stratum", () => {
    const { sample } = stratifiedSample(items, 33, 99);
    expect(new Set(sample.map((s) => s.id)).size).toBe(33);
    for (const s of sample) expect(s.id.startsWith(`${s.stratum}-`)).toBe(true);
  });

  it("is deterministic for a seed and varies across seeds", () => {
    expect(stratifiedSample(items, 15, "a")).toEqual(stratifiedSample(items, 15, "a"));
    expect(stratifiedSample(items, 15, "a").sample).not.toEqual(stratifiedSample(items, 15, "b").sample);
  });

  it("does not depend on how strata are interleaved in the input", () => {
    const interleaved = [...items].sort((x, y) => {
      const ix = Number(x.id.split("-")[1]);
      const iy = Number(y.id.split("-")[1]);
      return ix - iy || (x.stratum < y.stratum ? -1 : 1);
    });
    expect(stratifiedSample(interleaved, 15, "a")).toEqual(stratifiedSample(items, 15, "a"));
  });

  it("keeps one stratum's picks when another stratum grows but allocations stay the same", () => {
    const before = stratifiedSample(makeItems({ a: 10, b: 10 }), 4, "s");
    const after = stratifiedSample(makeItems({ a: 10, b: 11 }), 4, "s");
    const pick = (r: typeof before, stratum: string) => r.sample.filter((s) => s.stratum === stratum);
    expect(pick(after, "a")).toEqual(pick(before, "a"));
  });

  it("samples at least one item from every stratum when size allows", () => {
    const skewed = makeItems({ common: 990, rare: 10 });
    const { strata } = stratifiedSample(skewed, 20, "s");
    expect(strata.find((s) => s.stratum === "rare")?.sampled).toBe(1);
    expect(strata.find((s) => s.stratum === "common")?.sampled).toBe(19);
  });

  it("handles empty input and oversize requests", () => {
    expect(stratifiedSample([], 5, "s")).toEqual({ sample: [], strata: [] });
    const { sample, strata } = stratifiedSample(makeItems({ a: 2, b: 1 }), 10, "s");
    expect(sample).toHaveLength(3);
    expect(strata.map((s) => s.sampled)).toEqual([2, 1]);
  });

  it("rejects duplicate ids", () => {
    expect(() =>
      stratifiedSample(
        [
          { id: "x", stratum: "a" },
          { id: "x", stratum: "b" },
        ],
        1,
        "s",
      ),
    ).toThrow(/duplicate/);
  });
});
