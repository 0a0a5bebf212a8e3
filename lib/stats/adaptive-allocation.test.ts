import { describe, expect, it } from "vitest";
import { chooseNextComparison, type AllocationItem } from "./adaptive-allocation";
import type { PairCounts } from "./pair-counts";

const models = ["a", "b", "c", "d"];

/** Expected tallies for log-strengths `theta` with `n[pair]` judgements per pair (no ties). */
function tallies(theta: Record<string, number>, n: (x: string, y: string) => number): PairCounts[] {
  const out: PairCounts[] = [];
  for (let i = 0; i < models.length; i++) {
    for (let j = i + 1; j < models.length; j++) {
      const x = models[i]!;
      const y = models[j]!;
      const games = n(x, y);
      const p = 1 / (1 + Math.exp(theta[y]! - theta[x]!));
      out.push({
        modelA: x,
        modelB: y,
        winsA: games * p,
        winsB: games * (1 - p),
        ties: 0,
        bothBad: 0,
        n: games,
      });
    }
  }
  return out;
}

function allPairs(promptId = "p1"): AllocationItem[] {
  const out: AllocationItem[] = [];
  for (let i = 0; i < models.length; i++)
    for (let j = i + 1; j < models.length; j++)
      out.push({ promptId, modelA: models[i]!, modelB: models[j]! });
  return out;
}

const pairOf = (item: AllocationItem) => `${item.modelA}-${item.modelB}`;

describe("chooseNextComparison", () => {
  it("returns null when the rater has nothing eligible", () => {
    expect(chooseNextComparison({ goal: "ranking", models, counts: [], eligible: [] })).toBeNull();
  });

  it("warms up on the least judged eligible pair first", () => {
    const counts = tallies({ a: 0, b: 0, c: 0, d: 0 }, (x, y) => (x === "b" && y === "d" ? 2 : 5));
    const choice = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs() });
    expect(choice?.reason.rule).toBe("warm-up");
    expect(pairOf(choice!.item)).toBe("b-d");
    expect(choice?.reason.pairJudgements).toBe(2);
  });

  it("ranking: works on the adjacent pair whose order is least settled", () => {
    // a ≫ b ≫ c, but c and d are 0.05 apart: only c-d is far from settled.
    const theta = { a: 0, b: -1, c: -2, d: -2.05 };
    const counts = tallies(theta, () => 200);
    const choice = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs() });
    expect(choice?.reason.rule).toBe("ranking");
    expect(pairOf(choice!.item)).toBe("c-d");
    expect(choice?.reason.target).toEqual(["c", "d"]);
    expect(choice!.reason.deficit!).toBeGreaterThan(1);
  });

  it("ratings: narrows the widest interval, which belongs to the least measured model", () => {
    // Every pair has 200 games except those of d, which have 60 (above the coverage floor).
    const counts = tallies({ a: 0, b: 0, c: 0, d: 0 }, (x, y) => (y === "d" ? 60 : 200));
    const choice = chooseNextComparison({ goal: "ratings", models, counts, eligible: allPairs() });
    expect(choice?.reason.rule).toBe("ratings");
    expect(choice?.reason.target).toEqual(["d"]);
    expect(choice!.item.modelB).toBe("d");
  });

  it("serves a pair that fell below the coverage floor before the adaptive rule", () => {
    const counts = tallies({ a: 0, b: -1, c: -2, d: -2.05 }, (x, y) => (x === "a" && y === "b" ? 20 : 300));
    const choice = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs() });
    expect(choice?.reason.rule).toBe("floor");
    expect(pairOf(choice!.item)).toBe("a-b");
  });

  it("picks only among eligible items, and within the pair the least judged prompt", () => {
    const counts = tallies({ a: 0, b: -1, c: -2, d: -2.05 }, () => 200);
    const eligible: AllocationItem[] = [
      { promptId: "p1", modelA: "a", modelB: "b" },
      { promptId: "p2", modelA: "c", modelB: "d", judged: 3 },
      { promptId: "p3", modelA: "c", modelB: "d", judged: 1 },
      { promptId: "p4", modelA: "c", modelB: "d", judged: 1 },
    ];
    const choice = chooseNextComparison({ goal: "ranking", models, counts, eligible });
    expect(choice?.index).toBe(2);
    expect(choice?.item.promptId).toBe("p3");
  });

  it("is deterministic and ignores the order in which pair counts arrive", () => {
    const counts = tallies({ a: 0, b: -0.3, c: -0.5, d: -0.6 }, (x) => (x === "a" ? 60 : 90));
    const first = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs() });
    const again = chooseNextComparison({
      goal: "ranking",
      models,
      counts: [...counts].reverse(),
      eligible: allPairs(),
    });
    expect(again).toEqual(first);
  });

  it("with one eligible pair there is nothing to choose", () => {
    const choice = chooseNextComparison({
      goal: "ratings",
      models,
      counts: [],
      eligible: [{ promptId: "p9", modelA: "b", modelB: "a" }],
    });
    expect(choice?.reason).toMatchObject({ rule: "single", pair: ["b", "a"], pairJudgements: 0 });
  });

  it("refuses an item whose models are not the study's", () => {
    expect(() =>
      chooseNextComparison({
        goal: "ranking",
        models,
        counts: [],
        eligible: [{ promptId: "p", modelA: "a", modelB: "zz" }],
      }),
    ).toThrow(RangeError);
  });
  describe("comparisons handed out and not answered yet (pending)", () => {
    it("changes nothing when there are none", () => {
      for (const [theta, n] of [
        [{ a: 0, b: -1, c: -2, d: -2.05 }, 200],
        [{ a: 0, b: -0.3, c: -0.3, d: -1 }, 40],
        [{ a: 0, b: 0, c: 0, d: 0 }, 3],
      ] as const) {
        const counts = tallies(theta, (x, y) => n + (x === "a" ? 1 : 0) + (y === "d" ? 2 : 0));
        for (const goal of ["ranking", "ratings"] as const) {
          const alone = chooseNextComparison({ goal, models, counts, eligible: allPairs() });
          for (const pending of [[], [{ modelA: "c", modelB: "d", n: 0 }]]) {
            expect(chooseNextComparison({ goal, models, counts, eligible: allPairs(), pending })).toEqual(
              alone,
            );
          }
        }
      }
    });

    it("warm-up: raters claiming together are spread over the least judged pairs", () => {
      const counts = tallies({ a: 0, b: 0, c: 0, d: 0 }, (x, y) => (x === "b" && y === "d" ? 2 : 5));
      // b-d is the least judged, but four of its judgements are already handed out (either orientation).
      const pending = [{ modelA: "d", modelB: "b", n: 4 }];
      const choice = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs(), pending });
      expect(choice?.reason.rule).toBe("warm-up");
      expect(pairOf(choice!.item)).not.toBe("b-d");
      // The log reports the judgements made, never those to come.
      expect(choice?.reason.pairJudgements).toBe(5);
    });

    it("adaptive rule: a pair with enough judgements on their way is no longer the most useful", () => {
      // c-d (0.2 apart) is the least settled adjacent order after 100 judgements per pair.
      const counts = tallies({ a: 0, b: -0.5, c: -1, d: -1.2 }, () => 100);
      const first = chooseNextComparison({ goal: "ranking", models, counts, eligible: allPairs() });
      expect(pairOf(first!.item)).toBe("c-d");
      const some = [{ modelA: "c", modelB: "d", n: 300 }];
      const fewer = chooseNextComparison({
        goal: "ranking",
        models,
        counts,
        eligible: allPairs(),
        pending: some,
      });
      expect(pairOf(fewer!.item)).toBe("c-d");
      // Its deficit counts the judgements on their way: lower than without them.
      expect(fewer!.reason.deficit!).toBeLessThan(first!.reason.deficit!);
      const many = [{ modelA: "d", modelB: "c", n: 1000 }];
      const next = chooseNextComparison({
        goal: "ranking",
        models,
        counts,
        eligible: allPairs(),
        pending: many,
      });
      expect(next?.reason.rule).toBe("ranking");
      expect(pairOf(next!.item)).toBe("a-b");
    });
  });
});
