import { describe, expect, it } from "vitest";
import { insertTopK, type RankedMatch } from "./top-k";

describe("insertTopK", () => {
  it("keeps the k best, highest score first, ties by id", () => {
    const best: RankedMatch[] = [];
    for (const [id, score] of [
      ["c", 0.5],
      ["a", 0.9],
      ["d", 0.5],
      ["b", 0.5],
      ["e", 0.1],
    ] as const) {
      insertTopK(best, { id, score }, 3);
    }
    expect(best).toEqual([
      { id: "a", score: 0.9 },
      { id: "b", score: 0.5 },
      { id: "c", score: 0.5 },
    ]);
  });

  it("does nothing when k is 0", () => {
    const best: RankedMatch[] = [];
    insertTopK(best, { id: "a", score: 1 }, 0);
    expect(best).toEqual([]);
  });
});
