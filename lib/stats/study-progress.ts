import type { BootstrapResult } from "./bradley-terry-bootstrap";
import { pairOrder, type PairOrder } from "./settled-order";

export interface PairProgress extends PairOrder {
  /** The two models are next to each other in the point ranking (what the "ranking" goal settles). */
  readonly adjacent: boolean;
  /** Width of the 95% interval of the difference (Elo). */
  readonly width: number;
  /**
   * More judgements (study-wide) for this difference's interval to shrink to the target width, if
   * they keep arriving in the study's current proportions; 0 when already there.
   */
  readonly moreNeeded: number;
}

export interface StudyProgress {
  readonly pairs: readonly PairProgress[];
  /** Every adjacent order settled at the bootstrap's confidence. */
  readonly rankingSettled: boolean;
  /** The widest rating interval (Elo) and the judgements still needed to bring it to the target. */
  readonly widestInterval: { readonly model: string; readonly width: number; readonly moreNeeded: number };
}

/**
 * "Are we done?" for a study's results page, from the prompt bootstrap it already runs (with
 * `keepSamples`): per model pair, whether the order is settled, and how many more judgements the
 * difference's interval needs to reach `targetWidth` Elo.
 *
 * The estimate uses the square-root law: an interval's width falls as 1/√n, so reaching width W
 * from width w with n judgements takes n·(w/W)² in all. It assumes judgements keep coming in the
 * current proportions (under adaptive allocation they go where they help most, so it is an upper
 * estimate there) and that prompts keep being sampled like the ones already seen.
 */
export function studyProgress(fit: BootstrapResult, judgements: number, targetWidth: number): StudyProgress {
  if (!(targetWidth > 0)) throw new RangeError(`targetWidth must be positive, got ${targetWidth}`);
  if (!Number.isInteger(judgements) || judgements < 0) throw new RangeError("judgements must be a count");
  const more = (width: number) => {
    if (width <= targetWidth) return 0;
    return Number.isFinite(width) ? Math.ceil(judgements * ((width / targetWidth) ** 2 - 1)) : Number.NaN;
  };
  const ranked = [...fit.ratings].sort((p, q) => q.rating - p.rating);
  const pairs: PairProgress[] = [];
  for (let i = 0; i < ranked.length; i++) {
    for (let j = i + 1; j < ranked.length; j++) {
      const order = pairOrder(fit, ranked[i]!.model, ranked[j]!.model);
      const width = order.ci[1] - order.ci[0];
      pairs.push({ ...order, adjacent: j === i + 1, width, moreNeeded: more(width) });
    }
  }
  let widest = { model: ranked[0]?.model ?? "", width: 0 };
  for (const r of fit.ratings) {
    const width = r.ci[1] - r.ci[0];
    if (width > widest.width) widest = { model: r.model, width };
  }
  return {
    pairs,
    rankingSettled: pairs.every((p) => !p.adjacent || p.settled),
    widestInterval: { ...widest, moreNeeded: more(widest.width) },
  };
}
