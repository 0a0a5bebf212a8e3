import { describe, expect, it } from "vitest";
import { createRng, type TRng } from "../random";
import { createLcsMatcher } from "./bit-lcs";
import { lcsLengthDp } from "./lcs-dp";

function randomSequence(random: TRng, length: number, alphabet: number): number[] {
  return Array.from({ length }, () => random.nextInt(alphabet));
}

describe("createLcsMatcher", () => {
  it("computes small hand-checked cases", () => {
    expect(createLcsMatcher([1, 2, 3, 4])([1, 3, 4])).toBe(3);
    expect(createLcsMatcher([1, 2, 3])([4, 5, 6])).toBe(0);
    expect(createLcsMatcher([1, 2, 1, 2])([2, 1, 2, 1])).toBe(3);
    expect(createLcsMatcher([])([1, 2])).toBe(0);
    expect(createLcsMatcher([1, 2])([])).toBe(0);
  });

  it("is reusable across texts (state is reset per call)", () => {
    const lcs = createLcsMatcher(Array.from({ length: 70 }, (_, i) => i % 5));
    const text = [0, 1, 2, 3, 4, 0, 1];
    expect(lcs(text)).toBe(lcs(text));
    expect(lcs([0, 0, 0])).toBe(3);
  });

  it("handles word boundaries at 31, 32, 33, 64 and 65 tokens", () => {
    for (const m of [31, 32, 33, 63, 64, 65, 96, 97]) {
      const pattern = Array.from({ length: m }, (_, i) => i);
      expect(createLcsMatcher(pattern)(pattern)).toBe(m);
      expect(createLcsMatcher(pattern)([...pattern].reverse())).toBe(1);
      expect(createLcsMatcher(pattern)(pattern.filter((x) => x % 3 !== 0))).toBe(m - Math.ceil(m / 3));
    }
  });

  it("equals the DP reference on random sequences (property test, seeded)", () => {
    const random = createRng("lcs-property", "mulberry32");
    const mismatches: string[] = [];
    for (let trial = 0; trial < 3000; trial++) {
      const alphabet = 2 + random.nextInt(trial % 2 === 0 ? 4 : 40);
      const a = randomSequence(random, random.nextInt(trial % 10 === 0 ? 150 : 45), alphabet);
      const b = randomSequence(random, random.nextInt(trial % 10 === 1 ? 150 : 45), alphabet);
      const expected = lcsLengthDp(a, b);
      const actual = createLcsMatcher(a)(b);
      if (actual !== expected) mismatches.push(JSON.stringify({ a, b, expected, actual }));
    }
    expect(mismatches).toEqual([]);
  });
});
