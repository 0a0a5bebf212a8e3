import {
  chooseNextComparison,
  type AllocationReason,
  type TAllocationGoal,
} from "@/lib/stats/adaptive-allocation";
import type { PairCounts } from "@/lib/stats/pair-counts";
import type { PairPending } from "@/lib/stats/adaptive-allocation";

/** An open item of the rater's queue, as the adaptive claim reads it (one per model pair, plus specials). */
export type TOpenItem = {
  itemId: string;
  kind: "regular" | "attention" | "repeat";
  promptId: string;
  modelA: string;
  modelB: string;
  /** Submissions of the item so far (the chooser's "least judged comparison" tie-break). */
  judged: number;
  position: number;
};

/** What the adaptive claim takes: the item, and the log row written with the claim. */
export type TAdaptivePick = {
  item: TOpenItem;
  /** The chosen model pair: the claim may fall back to another item of it (study_claim_item_under). */
  samePair: boolean;
  log: {
    rule: string;
    modelA: string;
    modelB: string;
    pairJudgements: number;
    target: string[];
    deficit: number | null;
  };
};

/**
 * The adaptive claim's decision, pure. Regular items go to chooseNextComparison (lib/stats); an
 * attention check or consistency repeat keeps running as in a uniform study: it is handed out once
 * the queue's order reaches it, i.e. when it comes before the chosen item in the seeded claim order
 * (or when no regular item is left), so its share of the rater's work stays the planned one.
 */
export function pickAdaptive(input: {
  goal: TAllocationGoal;
  models: readonly string[];
  counts: readonly PairCounts[];
  /** Other raters' live leases per pair (chooseNextComparison's `pending`). */
  pending?: readonly PairPending[];
  open: readonly TOpenItem[];
}): TAdaptivePick | null {
  const regular = input.open.filter((o) => o.kind === "regular").sort((x, y) => x.position - y.position);
  const special = input.open.filter((o) => o.kind !== "regular").sort((x, y) => x.position - y.position)[0];
  const choice = chooseNextComparison({
    goal: input.goal,
    models: input.models,
    counts: input.counts,
    pending: input.pending,
    eligible: regular,
  });
  if (special && (!choice || special.position < choice.item.position)) {
    return {
      item: special,
      samePair: false,
      log: {
        rule: special.kind,
        modelA: special.modelA,
        modelB: special.modelB,
        pairJudgements: pairTotal(input.counts, special.modelA, special.modelB),
        target: [],
        deficit: null,
      },
    };
  }
  if (!choice) return null;
  return { item: choice.item, samePair: true, log: logOf(choice.reason) };
}

function pairTotal(counts: readonly PairCounts[], a: string, b: string): number {
  let n = 0;
  for (const c of counts)
    if ((c.modelA === a && c.modelB === b) || (c.modelA === b && c.modelB === a)) n += c.n;
  return n;
}

function logOf(reason: AllocationReason): TAdaptivePick["log"] {
  return {
    rule: reason.rule,
    modelA: reason.pair[0],
    modelB: reason.pair[1],
    pairJudgements: reason.pairJudgements,
    target: [...(reason.target ?? [])],
    // A deficit can be infinite (no information yet on the target): stored as unknown.
    deficit: reason.deficit !== undefined && Number.isFinite(reason.deficit) ? reason.deficit : null,
  };
}
