import type { Choice, Outcome } from "./types";

/** Vote counts for one model pair. Both-bad is never folded into ties: clinicians mean different things. */
export interface PairCounts {
  readonly modelA: string;
  readonly modelB: string;
  readonly winsA: number;
  readonly winsB: number;
  readonly ties: number;
  readonly bothBad: number;
  readonly n: number;
}

export interface PairOrderOptions {
  /**
   * Models listed here are put on the A side first, in this order (e.g. the candidate before the
   * baseline); any other models follow in code-point order. Without it pairs are code-point ordered,
   * so the same two models always aggregate into one row whichever side each judgement used.
   */
  readonly modelOrder?: readonly string[];
}

export function codePointCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Comparator for model names honouring an optional preferred order. */
export function modelComparator(modelOrder: readonly string[] = []): (a: string, b: string) => number {
  const rank = new Map<string, number>();
  modelOrder.forEach((model, index) => {
    if (!rank.has(model)) rank.set(model, index);
  });
  return (a, b) => {
    const ra = rank.get(a);
    const rb = rank.get(b);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    if (ra !== undefined) return -1;
    if (rb !== undefined) return 1;
    return codePointCompare(a, b);
  };
}

export function swapChoice(choice: Choice): Choice {
  switch (choice) {
    case "A":
      return "B";
    case "B":
      return "A";
    case "tie":
    case "both_bad":
      return choice;
    default:
      return assertNeverChoice(choice);
  }
}

export function assertNeverChoice(choice: never): never {
  // Data arrives from JSON / a database, so guard the union at runtime too.
  throw new TypeError(`unknown choice: ${JSON.stringify(choice)}`);
}

/** The same outcome with modelA/modelB put in canonical order (choice flipped to match). */
export function orientOutcome<T extends Outcome>(
  outcome: T,
  compare: (a: string, b: string) => number,
): T & { readonly swapped: boolean } {
  if (outcome.modelA === outcome.modelB) {
    throw new RangeError(`a comparison needs two different models, got ${outcome.modelA} twice`);
  }
  if (compare(outcome.modelA, outcome.modelB) <= 0) return { ...outcome, swapped: false };
  return {
    ...outcome,
    modelA: outcome.modelB,
    modelB: outcome.modelA,
    choice: swapChoice(outcome.choice),
    swapped: true,
  };
}

/** Counts for a bag of choices that already share one orientation. */
export function tallyChoices(modelA: string, modelB: string, choices: Iterable<Choice>): PairCounts {
  let winsA = 0;
  let winsB = 0;
  let ties = 0;
  let bothBad = 0;
  for (const choice of choices) {
    switch (choice) {
      case "A":
        winsA++;
        break;
      case "B":
        winsB++;
        break;
      case "tie":
        ties++;
        break;
      case "both_bad":
        bothBad++;
        break;
      default:
        assertNeverChoice(choice);
    }
  }
  return { modelA, modelB, winsA, winsB, ties, bothBad, n: winsA + winsB + ties + bothBad };
}

/** Counts per unordered model pair, sorted by (modelA, modelB) in the canonical order. */
export function countPairs(outcomes: readonly Outcome[], options: PairOrderOptions = {}): PairCounts[] {
  const compare = modelComparator(options.modelOrder);
  const groups = new Map<string, { modelA: string; modelB: string; choices: Choice[] }>();
  for (const outcome of outcomes) {
    const oriented = orientOutcome(outcome, compare);
    const key = JSON.stringify([oriented.modelA, oriented.modelB]);
    let group = groups.get(key);
    if (!group) {
      group = { modelA: oriented.modelA, modelB: oriented.modelB, choices: [] };
      groups.set(key, group);
    }
    group.choices.push(oriented.choice);
  }
  return [...groups.values()]
    .sort((x, y) => compare(x.modelA, y.modelA) || compare(x.modelB, y.modelB))
    .map((group) => tallyChoices(group.modelA, group.modelB, group.choices));
}
