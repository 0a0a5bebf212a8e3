import { codePointCompare, modelComparator, orientOutcome } from "./pair-counts";
import type { Interval, Judgement } from "./types";
import { wilsonInterval } from "./wilson";

export interface RaterConsistency {
  readonly raterId: string;
  /** Number of re-shown comparisons (each compared with that rater's first showing). */
  readonly repeats: number;
  readonly consistent: number;
  /** NaN when the rater saw no repeats. */
  readonly rate: number;
  readonly ci: Interval;
}

/** Verdict in model terms, so a side-swapped repeat of the same preference compares equal. */
function verdict(judgement: Judgement): string {
  switch (judgement.choice) {
    case "A":
      return `model:${judgement.modelA}`;
    case "B":
      return `model:${judgement.modelB}`;
    default:
      return judgement.choice;
  }
}

/**
 * Per-rater consistency on repeated comparisons: the same rater, prompt, model pair and criterion
 * shown again (normally with sides swapped). A repeat is consistent when the rater picked the same
 * model both times, or gave the same non-decisive verdict both times (tie & tie, or both-bad &
 * both-bad; tie vs both-bad counts as inconsistent because they mean different things clinically).
 * Later showings are each compared with the first, in input order.
 *
 * Every rater in the input is listed (sorted by id), including those without repeats.
 */
export function repeatConsistency(judgements: readonly Judgement[]): RaterConsistency[] {
  const compare = modelComparator();
  const firstVerdict = new Map<string, string>();
  const tallies = new Map<string, { repeats: number; consistent: number }>();
  for (const judgement of judgements) {
    const oriented = orientOutcome(judgement, compare);
    let tally = tallies.get(judgement.raterId);
    if (!tally) {
      tally = { repeats: 0, consistent: 0 };
      tallies.set(judgement.raterId, tally);
    }
    const key = JSON.stringify([
      judgement.raterId,
      judgement.criterion,
      judgement.promptId,
      oriented.modelA,
      oriented.modelB,
    ]);
    const current = verdict(judgement);
    const first = firstVerdict.get(key);
    if (first === undefined) {
      firstVerdict.set(key, current);
      continue;
    }
    tally.repeats++;
    if (first === current) tally.consistent++;
  }
  return [...tallies.entries()]
    .sort(([a], [b]) => codePointCompare(a, b))
    .map(([raterId, { repeats, consistent }]) => ({
      raterId,
      repeats,
      consistent,
      rate: repeats === 0 ? Number.NaN : consistent / repeats,
      ci: wilsonInterval(consistent, repeats),
    }));
}
