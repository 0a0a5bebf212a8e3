import "server-only";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { NEAR_DUPLICATE_THRESHOLD } from "@/lib/similarity";
import { findSimilarSeeds, type TSimilarSeed } from "./find-similar-seeds";

type TReadyFields = {
  topicId: string | null;
  viewId: string | null;
  typeId: string | null;
  instruction: string;
  difficulty: number | null;
  duplicateReason: string | null;
};

/**
 * The seeds whose ROUGE-L F with the text exceeds the self-instruct threshold, on unrounded
 * scores (0.7004 is a near duplicate). Read before the caller's transaction: embedded PGlite
 * serialises connections, so the index must not be queried while a transaction is open; the
 * caller's version check inside the transaction ties the scored text to the one it writes.
 */
export async function findNearDuplicates(
  text: string,
  excludeId: string,
  viewerId?: string,
): Promise<TSimilarSeed[]> {
  return (await findSimilarSeeds({ text, excludeId, viewerId })).filter(
    (m) => m.score > NEAR_DUPLICATE_THRESHOLD,
  );
}

/**
 * A seed in review must be complete and explain a near duplicate. Submitting, saving a submitted
 * seed and approving all ask this same question, so what a reviewer approves is never less
 * than what submission required.
 */
export function checkSeedReady(seed: TReadyFields, near: readonly TSimilarSeed[], message: string): void {
  const errors: TFieldErrors = {};
  if (!seed.topicId) errors.topicId = ["Choose a topic"];
  if (!seed.viewId) errors.viewId = ["Choose a view"];
  if (!seed.typeId) errors.typeId = ["Choose a type"];
  if (!seed.instruction.trim()) errors.instruction = ["Write the instruction"];
  if (!seed.difficulty) errors.difficulty = ["Rate the difficulty"];
  const top = near[0];
  if (top && !seed.duplicateReason?.trim()) {
    errors.duplicateReason = [
      `This seed is very similar to an existing one (ROUGE-L ${top.score.toFixed(2)}; above ${NEAR_DUPLICATE_THRESHOLD} is a duplicate): say why it is needed`,
    ];
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", message, { fieldErrors: errors, extra: { similar: near } });
}
