import { describe, expect, it } from "vitest";
import { fitBradleyTerry, maximumLikelihoodExists } from "./bradley-terry";
import type { PairCounts } from "./pair-counts";

function pair(
  modelA: string,
  modelB: string,
  winsA: number,
  winsB: number,
  ties = 0,
  bothBad = 0,
): PairCounts {
  return { modelA, modelB, winsA, winsB, ties, bothBad, n: winsA + winsB + ties + bothBad };
}

function ratingsOf(fit: ReturnType<typeof fitBradleyTerry>): Record<string, number> {
  return Object.fromEntries(fit.ratings.map((r) => [r.model, r.rating]));
}

// A–B 6/3/1, B–C 5/5/0, A–C 7/2/1 (wins / losses / ties of the first-listed model).
const reference = [pair("A", "B", 6, 3, 1), pair("B", "C", 5, 5, 0), pair("A", "C", 7, 2, 1)];

describe("fitBradleyTerry", () => {
  it("reproduces the reference ratings with the prior off", () => {
    const fit = fitBradleyTerry(reference, { priorGames: 0 });
    expect(fit.converged).toBe(true);
    const r = ratingsOf(fit);
    expect(r.A).toBeCloseTo(1098.24, 2);
    expect(r.B).toBeCloseTo(963.13, 2);
    expect(r.C).toBeCloseTo(938.63, 2);
    expect((r.A! + r.B! + r.C!) / 3).toBeCloseTo(1000, 9);
  });

  it("shrinks towards 1000 with the default one-game prior (scipy BFGS on the same objective)", () => {
    const r = ratingsOf(fitBradleyTerry(reference));
    expect(r.A).toBeCloseTo(1094.5704, 3);
    expect(r.B).toBeCloseTo(964.5117, 3);
    expect(r.C).toBeCloseTo(940.9179, 3);
  });

  it("keeps an unbeaten model finite with the prior and refuses without it", () => {
    const unbeaten = [pair("A", "B", 5, 0), pair("B", "C", 3, 1)];
    const r = ratingsOf(fitBradleyTerry(unbeaten));
    expect(r.A).toBeCloseTo(1332.1763, 3);
    expect(r.B).toBeCloseTo(900.1925, 3);
    expect(r.C).toBeCloseTo(767.6312, 3);
    expect(() => fitBradleyTerry(unbeaten, { priorGames: 0 })).toThrow(/do not exist/);
  });

  it("counts ties and both-bad identically, as half a win each", () => {
    const withTies = ratingsOf(
      fitBradleyTerry([pair("A", "B", 4, 2, 2, 0), pair("B", "C", 3, 3)], { priorGames: 0 }),
    );
    const withBothBad = ratingsOf(
      fitBradleyTerry([pair("A", "B", 4, 2, 0, 2), pair("B", "C", 3, 3)], { priorGames: 0 }),
    );
    const asHalves = ratingsOf(
      fitBradleyTerry([pair("A", "B", 5, 3), pair("B", "C", 3, 3)], { priorGames: 0 }),
    );
    expect(withTies.A).toBeCloseTo(asHalves.A!, 8);
    expect(withBothBad.A).toBeCloseTo(asHalves.A!, 8);
    // With only 5–3 between A and B the log-odds gap is log(5/3).
    expect(withTies.A! - withTies.B!).toBeCloseTo(400 * Math.log10(5 / 3), 6);
  });

  it("rates evenly matched models equally", () => {
    const r = ratingsOf(fitBradleyTerry([pair("A", "B", 0, 0, 6)], { priorGames: 0 }));
    expect(r).toEqual({ A: 1000, B: 1000 });
  });

  it("places a model without games at the prior's centre and keeps the requested order", () => {
    const fit = fitBradleyTerry([pair("A", "B", 3, 1)], { models: ["D", "A", "B"] });
    expect(fit.ratings.map((r) => r.model)).toEqual(["D", "A", "B"]);
    const r = ratingsOf(fit);
    expect(r.D).toBeCloseTo(1000, 6);
    expect(r.A! + r.B!).toBeCloseTo(2000, 6);
    expect(r.A).toBeGreaterThan(1000);
  });

  it("rejects pairs with models outside the given list and bad options", () => {
    expect(() => fitBradleyTerry(reference, { models: ["A", "B"] })).toThrow(RangeError);
    expect(() => fitBradleyTerry(reference, { priorGames: -1 })).toThrow(RangeError);
  });
});

describe("maximumLikelihoodExists", () => {
  it("needs every group of models to have both won and lost against the rest", () => {
    // Row-major 3×3 wins matrix.
    const cycle = new Float64Array([0, 1, 0, 0, 0, 1, 1, 0, 0]);
    const chain = new Float64Array([0, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(maximumLikelihoodExists(3, cycle)).toBe(true);
    expect(maximumLikelihoodExists(3, chain)).toBe(false);
    expect(maximumLikelihoodExists(1, new Float64Array(1))).toBe(true);
  });
});
