import { z } from "zod";

/** Elo points: the width of a difference's 95% interval the "are we done?" estimate aims at. */
export const DEFAULT_PROGRESS_WIDTH = 50;
export const MIN_PROGRESS_WIDTH = 5;
export const MAX_PROGRESS_WIDTH = 2000;

/** The researcher's target width, from a search param or the API's query (a number of Elo points). */
export const ZProgressWidth = z.coerce
  .number({ error: "Enter a number of Elo points" })
  .finite()
  .min(MIN_PROGRESS_WIDTH, `At least ${MIN_PROGRESS_WIDTH} Elo points`)
  .max(MAX_PROGRESS_WIDTH, `At most ${MAX_PROGRESS_WIDTH} Elo points`);

export type TProgressState = "no-judgements" | "one-pair" | "all-settled" | "none-settled" | "some-settled";

type TPairLike = { readonly adjacent: boolean; readonly settled: boolean };

/** Which of the card's states a criterion is in: what its headline says before any table. */
export function progressState(pairs: readonly TPairLike[] | undefined): TProgressState {
  const adjacent = (pairs ?? []).filter((p) => p.adjacent);
  if (!adjacent.length) return "no-judgements";
  if (adjacent.length === 1 && (pairs ?? []).length === 1) return "one-pair";
  const settled = adjacent.filter((p) => p.settled).length;
  if (settled === adjacent.length) return "all-settled";
  return settled === 0 ? "none-settled" : "some-settled";
}

/** One sentence per state; a closed study gets no more judgements, so its estimate is for a follow-up. */
export function progressHeadline(
  state: TProgressState,
  opts: { closed: boolean; settledPairs?: number; adjacentPairs?: number; onlyPairSettled?: boolean },
): string {
  const tail = opts.closed
    ? " The study is closed: the estimates say what a follow-up study would need."
    : "";
  switch (state) {
    case "no-judgements":
      return `No judgements yet: nothing to settle.${opts.closed ? " The study is closed." : ""}`;
    case "one-pair":
      return `${
        opts.onlyPairSettled
          ? "One model pair only, and its order is settled at 95%."
          : "One model pair only, and its order is not settled at 95% yet."
      }${tail}`;
    case "all-settled":
      return `Done for the ranking: every adjacent order is settled at 95%.${tail}`;
    case "none-settled":
      return `Not done: no adjacent order is settled at 95% yet.${tail}`;
    case "some-settled":
      return `Not done: ${opts.settledPairs ?? 0} of ${opts.adjacentPairs ?? 0} adjacent orders are settled at 95%.${tail}`;
  }
}

/** Rounded up to a readable figure: the estimate is a rate, not a promise. */
export function formatMoreNeeded(n: number): string {
  if (!Number.isFinite(n)) return "–";
  if (n === 0) return "0 (reached)";
  const step = n < 100 ? 1 : n < 1000 ? 10 : 100;
  return `≈ ${(Math.ceil(n / step) * step).toLocaleString("en-GB")}`;
}
