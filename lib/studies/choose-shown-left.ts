import { randomInt } from "node:crypto";

/** A uniform integer in [0, n): the server's CSPRNG by default; tests pass a seeded one. */
export type TDraw = (n: number) => number;

/**
 * Which model goes on the left: Efron's biased coin. When this model pair has been shown on the
 * left equally often, a fair coin; otherwise the side that lags gets the left with probability 2/3.
 * A forced "lagging side always" rule balances too, but a rater who notices it can predict the
 * sides; the coin keeps every choice a genuine draw while the imbalance stays a few assignments
 * (Efron 1971), so each model is still on the left half the time. The draw comes from
 * node:crypto, never from a seed a client could know (assignment ids travel to the rater).
 */
export function chooseShownLeft(
  counts: { leftA: number; leftB: number },
  draw: TDraw = (n) => randomInt(n),
): "A" | "B" {
  if (counts.leftA === counts.leftB) return draw(2) === 0 ? "A" : "B";
  const lagging = counts.leftA < counts.leftB ? "A" : "B";
  const leading = lagging === "A" ? "B" : "A";
  return draw(3) < 2 ? lagging : leading;
}

/** Model terms (A = model A) from what the rater saw (A = left response). */
export function toModelChoice(
  shown: "A" | "B" | "tie" | "both_bad",
  shownLeft: "A" | "B",
): "A" | "B" | "tie" | "both_bad" {
  if (shown === "tie" || shown === "both_bad") return shown;
  if (shownLeft === "A") return shown;
  return shown === "A" ? "B" : "A";
}
