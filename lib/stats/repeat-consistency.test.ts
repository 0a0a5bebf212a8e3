import { describe, expect, it } from "vitest";
import { repeatConsistency } from "./repeat-consistency";
import type { Choice, Judgement, Side } from "./types";

function j(
  raterId: string,
  promptId: string,
  modelA: string,
  modelB: string,
  shownLeft: Side,
  choice: Choice,
  criterion = "overall",
): Judgement {
  return { raterId, promptId, modelA, modelB, shownLeft, choice, criterion };
}

describe("repeatConsistency", () => {
  it("compares repeats by chosen model, not by side or by A/B label", () => {
    const judgements = [
      j("r1", "p1", "x", "y", "A", "A"), // picks x
      j("r1", "p1", "y", "x", "A", "B"), // repeat, recorded the other way round, picks x again → consistent
      j("r1", "p2", "x", "y", "A", "A"), // picks x (left)
      j("r1", "p2", "x", "y", "B", "B"), // repeat with sides swapped, picks y (left again) → inconsistent
      j("r1", "p3", "x", "y", "A", "tie"),
      j("r1", "p3", "x", "y", "B", "tie"), // consistent
      j("r1", "p4", "x", "y", "A", "tie"),
      j("r1", "p4", "x", "y", "B", "both_bad"), // tie vs both-bad → inconsistent
      j("r1", "p5", "x", "y", "A", "both_bad"),
      j("r1", "p5", "x", "y", "B", "both_bad"), // consistent
    ];
    const [r1] = repeatConsistency(judgements);
    expect(r1).toMatchObject({ raterId: "r1", repeats: 5, consistent: 3, rate: 0.6 });
  });

  it("keeps raters, criteria and prompts apart and lists raters without repeats", () => {
    const judgements = [
      j("r2", "p1", "x", "y", "A", "A"),
      j("r1", "p1", "x", "y", "A", "B"), // different rater: not a repeat
      j("r2", "p1", "x", "y", "B", "B", "safety"), // different criterion: not a repeat
      j("r2", "p1", "x", "y", "B", "A"),
      j("r2", "p1", "x", "y", "A", "B"), // third showing, compared with the first → inconsistent
    ];
    const result = repeatConsistency(judgements);
    expect(result.map((r) => r.raterId)).toEqual(["r1", "r2"]);
    expect(result[0]).toMatchObject({ repeats: 0, consistent: 0 });
    expect(result[0]?.rate).toBeNaN();
    expect(result[1]).toMatchObject({ repeats: 2, consistent: 1, rate: 0.5 });
    expect(result[1]?.ci[0]).toBeGreaterThan(0);
    expect(result[1]?.ci[1]).toBeLessThan(1);
  });
});
