import { describe, expect, it } from "vitest";
import { DEFAULT_FLAGS } from "./flags";
import { buildReport, type TReportInput, type TReportItem } from "./report";

type TEstimate = { estimate: number; lower: number; upper: number } | null | undefined;

const item = (i: number, accepted: boolean, stratum: string | null): TReportItem => ({
  id: String(i),
  stratum,
  isGold: false,
  goldVerdict: null,
  reviews: [
    {
      reviewerId: "a",
      verdict: accepted ? "accept" : "reject",
      flags: accepted ? [] : ["factual_error"],
      correctedOutput: null,
      durationMs: 800,
    },
  ],
  adjudication: null,
});

function within(e: TEstimate, label: string): string | null {
  if (!e) return `${label} missing`;
  return 0 <= e.lower && e.lower <= e.estimate && e.estimate <= e.upper && e.upper <= 1
    ? null
    : `${label} ${JSON.stringify(e)}`;
}

/** What must hold of any report with final items: every interval holds its rate, the total its estimate. */
function check(input: TReportInput): string | null {
  const r = buildReport(input);
  const total = r.badRecords?.total;
  if (
    !total ||
    !(
      0 <= total.lower &&
      total.lower <= total.estimate &&
      total.estimate <= total.upper &&
      total.upper <= input.population + 1e-9
    )
  ) {
    return `total ${JSON.stringify(total)}`;
  }
  return (
    [
      within(r.acceptance, "acceptance"),
      within(r.badRecords?.proportion, "bad"),
      ...r.flags.map((f) => within(f.estimate === undefined ? null : (f as TEstimate), f.key)),
    ].find((x) => x !== null) ?? null
  );
}

/** Every (accepted, n) with 1 ≤ n ≤ 200, through one builder of report inputs. */
function failures(build: (accepted: number, n: number) => TReportInput[]): string[] {
  const out: string[] = [];
  for (let n = 1; n <= 200; n++) {
    for (let s = 0; s <= n; s++) {
      for (const [k, input] of build(s, n).entries()) {
        let problem: string | null;
        try {
          problem = check(input);
        } catch (err) {
          problem = String(err);
        }
        if (problem !== null && out.length < 10) out.push(`${s}/${n} variant ${k}: ${problem}`);
      }
    }
  }
  return out;
}

// One flag: each flag is one more estimate of the same shape, and 80,000 reports must stay quick.
const base = { reviewersPerItem: 1, flags: DEFAULT_FLAGS.slice(0, 1), pseudonyms: new Map([["a", "R-a"]]) };

describe("buildReport at every (accepted, n) with n ≤ 200", () => {
  // 20,300 pairs, a few reports each: tens of seconds on a shared machine.
  const SLOW = { timeout: 240_000 };

  it("never throws without strata: a sample of a large dataset and a census", SLOW, () => {
    expect(
      failures((s, n) => {
        const items = Array.from({ length: n }, (_, i) => item(i, i < s, null));
        return [
          { ...base, population: 1_000, strata: null, items },
          { ...base, population: n, strata: null, items },
        ];
      }),
    ).toEqual([]);
  });

  it(
    "never throws with strata: all accepted, all rejected, mixed, an empty stratum, a stratum not reviewed yet",
    SLOW,
    () => {
      expect(
        failures((s, n) => {
          const allIn = Math.min(s, Math.floor(n / 3));
          const allOut = Math.min(n - s, Math.floor(n / 3));
          const items = Array.from({ length: n }, (_, i) =>
            i < allIn
              ? item(i, true, "in")
              : i < allIn + allOut
                ? item(i, false, "out")
                : item(i, i - allOut < s, "mixed"),
          );
          const sizes = new Map([
            ["in", allIn * 3 + 1],
            ["out", allOut * 2 + 1],
            ["mixed", (n - allIn - allOut) * 4 + 1],
            ["empty", 0],
          ]);
          const population = [...sizes.values()].reduce((a, b) => a + b, 0);
          const census = new Map([
            ["in", allIn],
            ["out", allOut],
            ["mixed", n - allIn - allOut],
            ["empty", 0],
          ]);
          return [
            { ...base, population, strata: sizes, items },
            { ...base, population: n, strata: census, items },
            { ...base, population: population + 5, strata: new Map([...sizes, ["unreviewed", 5]]), items },
          ];
        }),
      ).toEqual([]);
    },
  );

  it("reports no interval, not an error, before anything is final", () => {
    const r = buildReport({ ...base, population: 10, strata: new Map([["x", 10]]), items: [] });
    expect(r.acceptance).toBeNull();
    expect(r.badRecords).toBeNull();
    expect(r.progress.final).toBe(0);
  });

  it("at 0 rejected of 40, the bad-record interval starts at exactly 0 and its upper bound is real", () => {
    const items = Array.from({ length: 40 }, (_, i) => item(i, true, null));
    const r = buildReport({ ...base, population: 1_000, strata: null, items });
    expect(r.badRecords?.total.lower).toBe(0);
    expect(r.badRecords?.total.estimate).toBe(0);
    expect(r.badRecords?.total.upper).toBeGreaterThan(50);
    expect(r.acceptance?.upper).toBe(1);
  });
});
