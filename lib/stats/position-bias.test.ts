import { describe, expect, it } from "vitest";
import { positionBias } from "./position-bias";
import type { Choice, Side } from "./types";
import { wilsonInterval } from "./wilson";

describe("positionBias", () => {
  it("counts a win for whichever response was on the left, ignoring non-decisive votes", () => {
    const votes: { shownLeft: Side; choice: Choice }[] = [
      { shownLeft: "A", choice: "A" }, // left
      { shownLeft: "B", choice: "B" }, // left
      { shownLeft: "B", choice: "A" }, // right
      { shownLeft: "A", choice: "A" }, // left
      { shownLeft: "A", choice: "tie" },
      { shownLeft: "B", choice: "both_bad" },
    ];
    const bias = positionBias(votes);
    expect(bias).toEqual({ leftWins: 3, rightWins: 1, leftWinRate: 0.75, ci: wilsonInterval(3, 4) });
  });

  it("reports NaN and the uninformative interval without decisive votes", () => {
    const bias = positionBias([{ shownLeft: "A", choice: "tie" }]);
    expect(bias.leftWinRate).toBeNaN();
    expect(bias.ci).toEqual([0, 1]);
  });
});
