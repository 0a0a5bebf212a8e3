import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { claimOrder, simpleRandomSample, stratifiedSample } from "@/lib/sampling";
import { degradeOutput } from "@/lib/studies/degrade-output";
import { planComparisons } from "@/lib/studies/plan-comparisons";
import { createRng } from "./rng";

// Golden values computed on main before the two PRNG modules became lib/random: seeds stored with
// existing campaigns and studies must keep drawing exactly these samples, orders and sides.
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);
const ids = Array.from({ length: 40 }, (_, i) => String(i + 1));
const words = (rng: { nextUint32(): number }, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe("audit campaigns (mulberry32 stream)", () => {
  it("simple random samples replay the stored seed's picks", () => {
    expect(simpleRandomSample(ids, 8, "audit-2024")).toEqual(["1", "22", "16", "39", "9", "15", "3", "13"]);
    expect(simpleRandomSample(ids, 5, 42)).toEqual(["37", "39", "4", "28", "7"]);
    const big = simpleRandomSample(
      Array.from({ length: 5000 }, (_, i) => String(i)),
      50,
      "c0ffee",
    );
    expect(sha(JSON.stringify(big))).toBe("0ffcd766b68f84e8");
  });

  it("stratified samples replay the stored seed's picks", () => {
    const items = ids.map((id, i) => ({ id, stratum: ["cardio", "neuro", "renal"][i % 3] as string }));
    expect(stratifiedSample(items, 9, "strata-seed").sample.map((s) => s.id)).toEqual([
      "28",
      "19",
      "10",
      "14",
      "17",
      "2",
      "18",
      "12",
      "6",
    ]);
  });

  it("queue claim order (lib/queue's claimOrder) is unchanged", () => {
    const order = claimOrder("3f2a9c1e-seed", 12);
    expect(order).toEqual([5, 6, 3, 10, 2, 7, 4, 0, 9, 8, 1, 11]);
  });

  it("raw words and floats are unchanged", () => {
    expect(words(createRng("x", "mulberry32"), 4)).toEqual([654894708, 848048946, 892104376, 3408431893]);
    const r = createRng("x", "mulberry32");
    expect([r.nextFloat(), r.nextFloat(), r.nextFloat()]).toEqual([
      0.152479556389153, 0.19745178194716573, 0.20770923607051373,
    ]);
  });
});

describe("studies and statistics (xoshiro128** stream)", () => {
  it("raw words and the repeat draw's floats are unchanged", () => {
    expect(words(createRng("study-7", "xoshiro128**"), 4)).toEqual([
      51156952, 1960251210, 2470934280, 252916000,
    ]);
    expect(words(createRng(2024, "xoshiro128**"), 3)).toEqual([2419916859, 2996235947, 1249288266]);
    expect(createRng("s1:repeat:a1", "xoshiro128**").nextFloat()).toBe(0.1340272310445676);
    expect(createRng("s1:repeat:a2", "xoshiro128**").nextFloat()).toBe(0.15301120656077394);
  });

  it("shuffles are unchanged", () => {
    expect(createRng(9, "xoshiro128**").shuffle(["a", "b", "c", "d", "e", "f", "g"])).toEqual([
      "e",
      "b",
      "f",
      "c",
      "d",
      "g",
      "a",
    ]);
  });

  it("attention checks and their degraded sides are picked as before", () => {
    const plan = planComparisons({
      prompts: Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, models: ["m1", "m2", "m3"] })),
      models: ["m1", "m2", "m3"],
      design: "all_pairs",
      reference: null,
      attentionCheckShare: 0.25,
      seed: "study-seed",
    });
    const checks = plan.comparisons
      .filter((c) => c.kind === "attention")
      .map((c) => `${c.promptId}:${c.modelA}:${c.modelB}:${c.degradedModel}`);
    expect(checks).toEqual(["p4:m1:m2:m1", "p5:m1:m2:m2", "p1:m1:m3:m1", "p3:m1:m3:m3", "p1:m2:m3:m2"]);
  });

  it("degraded outputs shown to raters are the same text", () => {
    expect(
      degradeOutput(
        "Take one tablet twice daily with food and drink plenty of water for seven days",
        "cmp-1",
      ),
    ).toBe("tablet one Take daily twice");
  });
});

describe("one generator interface", () => {
  it("sample() is a uniform-size prefix on both streams and leaves the input alone", () => {
    const input = Array.from({ length: 30 }, (_, i) => i);
    for (const algorithm of ["mulberry32", "xoshiro128**"] as const) {
      const picked = createRng("k", algorithm).sample(input, 7);
      expect(picked).toHaveLength(7);
      expect(new Set(picked).size).toBe(7);
      expect(createRng("k", algorithm).sample(input, 99)).toHaveLength(30);
      expect(() => createRng("k", algorithm).sample(input, -1)).toThrow(RangeError);
    }
    expect(input[0]).toBe(0);
  });

  it("xoshiro128**'s sample(n) is its full shuffle", () => {
    const input = Array.from({ length: 9 }, (_, i) => i);
    expect(createRng(3, "xoshiro128**").sample(input, 9)).toEqual(
      createRng(3, "xoshiro128**").shuffle(input),
    );
  });
});
