import { describe, expect, it } from "vitest";
import { allocateProportional } from "./allocation";

const byName = (rows: { stratum: string; allocated: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.stratum, r.allocated]));

describe("allocateProportional", () => {
  it("allocates exact proportions when they are whole numbers", () => {
    const rows = allocateProportional(
      [
        { stratum: "a", population: 600 },
        { stratum: "b", population: 300 },
        { stratum: "c", population: 100 },
      ],
      50,
    );
    expect(byName(rows)).toEqual({ a: 30, b: 15, c: 5 });
  });

  it("hands leftover units to the largest remainders", () => {
    // 7 units over populations 5, 3, 2: quotas 3.5, 2.1, 1.4 -> floors 3, 2, 1; the one leftover unit
    // goes to the largest remainder (0.5, stratum a).
    const rows = allocateProportional(
      [
        { stratum: "a", population: 5 },
        { stratum: "b", population: 3 },
        { stratum: "c", population: 2 },
      ],
      7,
    );
    expect(byName(rows)).toEqual({ a: 4, b: 2, c: 1 });
  });

  it("gives every non-empty stratum at least one unit when the size allows", () => {
    // Plain Hamilton would give the 5-item stratum 0.05 -> 0 units.
    const rows = allocateProportional(
      [
        { stratum: "big", population: 995 },
        { stratum: "tiny", population: 5 },
        { stratum: "empty", population: 0 },
      ],
      10,
    );
    expect(byName(rows)).toEqual({ big: 9, tiny: 1, empty: 0 });
  });

  it("falls back to plain Hamilton when there are more strata than units", () => {
    const rows = allocateProportional(
      [
        { stratum: "a", population: 50 },
        { stratum: "b", population: 30 },
        { stratum: "c", population: 20 },
      ],
      2,
    );
    // Quotas 1.0, 0.6, 0.4 -> floors 1, 0, 0; the leftover unit goes to b.
    expect(byName(rows)).toEqual({ a: 1, b: 1, c: 0 });
  });

  it("breaks remainder ties by population, then by name, independent of input order", () => {
    const input = [
      { stratum: "y", population: 10 },
      { stratum: "x", population: 10 },
      { stratum: "z", population: 10 },
    ];
    const forward = byName(allocateProportional(input, 4));
    const backward = byName(allocateProportional([...input].reverse(), 4));
    expect(forward).toEqual({ x: 2, y: 1, z: 1 });
    expect(backward).toEqual(forward);
  });

  it("caps at the total population", () => {
    const rows = allocateProportional(
      [
        { stratum: "a", population: 3 },
        { stratum: "b", population: 2 },
      ],
      100,
    );
    expect(byName(rows)).toEqual({ a: 3, b: 2 });
  });

  it("always sums exactly to the size and never exceeds a population (randomised)", () => {
    let state = 12345;
    const rand = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    for (let trial = 0; trial < 500; trial++) {
      const strata = Array.from({ length: 1 + rand(8) }, (_, i) => ({
        stratum: `s${i}`,
        population: rand(4) === 0 ? rand(3) : rand(500),
      }));
      const total = strata.reduce((acc, s) => acc + s.population, 0);
      const size = rand(total + 5);
      const rows = allocateProportional(strata, size);
      const nonEmpty = rows.filter((r) => r.population > 0).length;
      const sum = rows.reduce((acc, r) => acc + r.allocated, 0);
      const withinBounds = rows.every(
        (r) =>
          r.allocated >= 0 &&
          r.allocated <= r.population &&
          (size < nonEmpty || r.population === 0 || r.allocated >= 1) &&
          // Without the at-least-one floor, Hamilton satisfies the quota rule.
          (size >= nonEmpty || Math.abs(r.allocated - (Math.min(size, total) * r.population) / total) < 1),
      );
      if (sum !== Math.min(size, total) || !withinBounds) {
        expect.fail(`bad allocation ${JSON.stringify({ strata, size, rows })}`);
      }
    }
  });

  it("rejects bad input", () => {
    expect(() => allocateProportional([{ stratum: "a", population: -1 }], 1)).toThrow(RangeError);
    expect(() => allocateProportional([{ stratum: "a", population: 1 }], 0.5)).toThrow(RangeError);
    expect(() =>
      allocateProportional(
        [
          { stratum: "a", population: 1 },
          { stratum: "a", population: 2 },
        ],
        1,
      ),
    ).toThrow(/duplicate/);
  });
});
