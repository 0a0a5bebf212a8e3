import { describe, expect, it } from "vitest";
import { pickAdaptive, type TOpenItem } from "./adaptive-pick";

const item = (over: Partial<TOpenItem> & Pick<TOpenItem, "itemId" | "position">): TOpenItem => ({
  kind: "regular",
  promptId: "p",
  modelA: "a",
  modelB: "b",
  judged: 0,
  ...over,
});
const zero = (modelA: string, modelB: string, n = 0) => ({
  modelA,
  modelB,
  winsA: n / 2,
  winsB: n / 2,
  ties: 0,
  bothBad: 0,
  n,
});

describe("pickAdaptive", () => {
  const models = ["a", "b", "c"];
  const counts = [zero("a", "b", 12), zero("a", "c", 3), zero("b", "c", 12)];
  const regular = [
    item({ itemId: "ab", position: 1 }),
    item({ itemId: "ac", position: 7, modelB: "c" }),
    item({ itemId: "bc", position: 2, modelA: "b", modelB: "c" }),
  ];

  it("hands the chooser's item (the least judged pair in warm-up) and logs why", () => {
    const pick = pickAdaptive({ goal: "ranking", models, counts, open: regular });
    expect(pick?.item.itemId).toBe("ac");
    expect(pick?.samePair).toBe(true);
    expect(pick?.log).toEqual({
      rule: "warm-up",
      modelA: "a",
      modelB: "c",
      pairJudgements: 3,
      target: [],
      deficit: null,
    });
  });

  it("keeps attention checks and repeats running once the queue order reaches them", () => {
    const check = item({ itemId: "chk", position: 5, kind: "attention", modelB: "c" });
    const first = pickAdaptive({ goal: "ranking", models, counts, open: [...regular, check] });
    expect(first?.item.itemId).toBe("chk");
    expect(first?.samePair).toBe(false);
    expect(first?.log).toMatchObject({ rule: "attention", pairJudgements: 3 });
    const later = item({ itemId: "rep", position: 9, kind: "repeat" });
    expect(pickAdaptive({ goal: "ranking", models, counts, open: [...regular, later] })?.item.itemId).toBe(
      "ac",
    );
    // With no regular item left, the special item still goes out.
    expect(pickAdaptive({ goal: "ranking", models, counts, open: [later] })?.item.itemId).toBe("rep");
  });

  it("answers null when nothing is open", () => {
    expect(pickAdaptive({ goal: "ratings", models, counts, open: [] })).toBeNull();
  });
});
