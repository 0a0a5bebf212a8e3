import { createRng } from "@/lib/stats";

/**
 * Which model goes on the left: the side this model pair has been shown on less often so far, a
 * seeded coin on a tie. Balancing by counts keeps every model on the left half the time even for
 * small studies, where a plain coin drifts.
 */
export function chooseShownLeft(counts: { leftA: number; leftB: number }, coinSeed: string): "A" | "B" {
  if (counts.leftA < counts.leftB) return "A";
  if (counts.leftB < counts.leftA) return "B";
  return createRng(coinSeed).nextInt(2) === 0 ? "A" : "B";
}

/** Model terms (A = model A) from what the rater saw (A = left response). */
export function toModelChoice(shown: "A" | "B" | "tie" | "both_bad", shownLeft: "A" | "B"): "A" | "B" | "tie" | "both_bad" {
  if (shown === "tie" || shown === "both_bad") return shown;
  if (shownLeft === "A") return shown;
  return shown === "A" ? "B" : "A";
}
