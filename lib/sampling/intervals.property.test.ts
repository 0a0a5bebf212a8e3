import { describe, expect, it } from "vitest";
import { wilsonInterval as statsWilson } from "../stats/wilson";
import { estimateTotal } from "./estimate-total";
import { stratifiedProportion } from "./stratified-proportion";

/** The audit report's shape of the one Wilson interval. */
function wilsonInterval(s: number, n: number, population?: number) {
  const [lower, upper] = statsWilson(s, n, { population });
  return { estimate: s / n, lower, upper };
}

const MAX_N = 200;

/** Every (successes, n) with 1 ≤ n ≤ 200: 20,300 pairs. */
function* pairs(): Generator<[number, number]> {
  for (let n = 1; n <= MAX_N; n++) for (let s = 0; s <= n; s++) yield [s, n];
}

/** The failures as text, so one bad pair names itself instead of failing 20,000 expectations. */
function failures(check: (s: number, n: number) => string | null): string[] {
  const out: string[] = [];
  for (const [s, n] of pairs()) {
    let problem: string | null;
    try {
      problem = check(s, n);
    } catch (err) {
      problem = String(err);
    }
    if (problem !== null && out.length < 10) out.push(`${s}/${n}: ${problem}`);
  }
  return out;
}

const holds = (e: { estimate: number; lower: number; upper: number }) =>
  0 <= e.lower && e.lower <= e.estimate && e.estimate <= e.upper && e.upper <= 1
    ? null
    : `bad interval ${JSON.stringify(e)}`;

describe("intervals at every (successes, n) with n ≤ 200", () => {
  it("Wilson (with and without finite population correction) holds the rate, with exact ends at 0 and 1", () => {
    expect(
      failures((s, n) => {
        for (const population of [undefined, n, n + 1, 2 * n, 1_000_000]) {
          const w = wilsonInterval(s, n, population);
          const bad = holds(w);
          if (bad) return `population ${population}: ${bad}`;
          if (s === 0 && w.lower !== 0) return `lower ${w.lower} at 0 successes`;
          if (s === n && w.upper !== 1 && population !== n) return `upper ${w.upper} at n successes`;
        }
        const [lower, upper] = statsWilson(s, n);
        return lower <= s / n && s / n <= upper && (s > 0 || lower === 0) && (s < n || upper === 1)
          ? null
          : `stats ${lower}–${upper}`;
      }),
    ).toEqual([]);
  });

  it("the extrapolation to a population never throws and keeps estimate within its bounds", () => {
    expect(
      failures((s, n) => {
        for (const population of [n, 3 * n + 7, 52_002]) {
          const w = wilsonInterval(s, n, population);
          const t = estimateTotal(w.estimate, w, population);
          if (!(0 <= t.lower && t.lower <= t.estimate && t.estimate <= t.upper && t.upper <= population))
            return `total ${JSON.stringify(t)}`;
        }
        return null;
      }),
    ).toEqual([]);
  });

  it("stratified estimates (a stratum all accepted, one all rejected, one mixed, an empty one) hold and extrapolate", () => {
    expect(
      failures((s, n) => {
        const allIn = Math.min(s, Math.floor(n / 3));
        const allOut = Math.min(n - s, Math.floor(n / 3));
        const mixed = n - allIn - allOut;
        const strata = [
          { population: allIn * 4 + 1, sampled: allIn, successes: allIn },
          { population: allOut * 2 + 3, sampled: allOut, successes: 0 },
          { population: mixed * 5, sampled: mixed, successes: s - allIn },
          { population: 0, sampled: 0, successes: 0 },
        ].filter((x) => x.sampled > 0 || x.population === 0);
        for (const census of [false, true]) {
          const e = stratifiedProportion(
            census ? strata.map((x) => ({ ...x, population: x.sampled })) : strata,
          );
          const bad = holds(e);
          if (bad) return `${census ? "census " : ""}${e.method}: ${bad}`;
          const population = strata.reduce((sum, x) => sum + (census ? x.sampled : x.population), 0);
          estimateTotal(e.estimate, e, population);
        }
        return null;
      }),
    ).toEqual([]);
  });

  it("estimateTotal tolerates rounding but still refuses real inconsistency", () => {
    expect(estimateTotal(0, { lower: 5.5e-17, upper: 0.2 }, 100)).toEqual({
      estimate: 0,
      lower: 0,
      upper: 20,
    });
    expect(estimateTotal(1.0000000000000002, { lower: 0.8, upper: 1 }, 10).estimate).toBe(10);
    expect(() => estimateTotal(0.5, { lower: 0.6, upper: 0.8 }, 10)).toThrow(RangeError);
    expect(() => estimateTotal(1.01, { lower: 0.8, upper: 1 }, 10)).toThrow(RangeError);
  });
});
