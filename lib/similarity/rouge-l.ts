import { createLcsMatcher } from "./bit-lcs";
import { rougeTokenize } from "./tokenize";

export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

/** Self-instruct and AlpaCare drop a generated instruction whose ROUGE-L F with any kept one exceeds this. */
export const NEAR_DUPLICATE_THRESHOLD = 0.7;

/**
 * rouge_score's `_score_lcs` arithmetic, step for step, so results are bit-identical to Python:
 * precision = lcs / |prediction|, recall = lcs / |target|, F = 2·P·R / (P + R), all zero when either
 * side has no tokens. (F is symmetric in target and prediction, also in floating point.)
 */
export function rougeLFromLcs(lcs: number, targetLength: number, predictionLength: number): RougeScore {
  if (targetLength === 0 || predictionLength === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const precision = lcs / predictionLength;
  const recall = lcs / targetLength;
  const fmeasure = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, fmeasure };
}

/** ROUGE-L of two token lists (already tokenised with rougeTokenize or equivalent). */
export function rougeLTokens(target: readonly string[], prediction: readonly string[]): RougeScore {
  const ids = new Map<string, number>();
  const intern = (token: string): number => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const targetIds = target.map(intern);
  const predictionIds = prediction.map(intern);
  const lcs = createLcsMatcher(targetIds)(predictionIds);
  return rougeLFromLcs(lcs, target.length, prediction.length);
}

/** Equivalent to `RougeScorer(['rougeL'], use_stemmer=False).score(target, prediction)['rougeL']`. */
export function rougeL(target: string, prediction: string): RougeScore {
  return rougeLTokens(rougeTokenize(target), rougeTokenize(prediction));
}
