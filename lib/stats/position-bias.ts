import type { Choice, Interval, Side } from "./types";
import { wilsonInterval, Z_95 } from "./wilson";

export interface PositionBias {
  readonly leftWins: number;
  readonly rightWins: number;
  /** Share of decisive votes that went to the left-hand response; 0.5 means no bias. NaN if none. */
  readonly leftWinRate: number;
  readonly ci: Interval;
}

/**
 * Left-side win rate among decisive votes. Blinding randomises sides, so any departure from 0.5
 * is a property of the raters or the interface, not of the models. Ties and both-bad have no side.
 */
export function positionBias(
  votes: readonly { readonly shownLeft: Side; readonly choice: Choice }[],
  z: number = Z_95,
): PositionBias {
  let leftWins = 0;
  let rightWins = 0;
  for (const { shownLeft, choice } of votes) {
    if (choice !== "A" && choice !== "B") continue;
    if (choice === shownLeft) leftWins++;
    else rightWins++;
  }
  const decisive = leftWins + rightWins;
  return {
    leftWins,
    rightWins,
    leftWinRate: decisive === 0 ? Number.NaN : leftWins / decisive,
    ci: wilsonInterval(leftWins, decisive, { z }),
  };
}
