import { createSimilarityIndex, NEAR_DUPLICATE_THRESHOLD } from "@/lib/similarity";
import type { TAlpacaSeed } from "./alpacare-format";
import { exactDuplicateKey } from "./duplicate-key";
import type { TRecordError } from "./parse-seed-file";

export type TNearDuplicate = {
  record: number;
  score: number;
  similarSeedId?: string;
  similarRecord?: number;
};

/**
 * Exact duplicates (of a live seed or an earlier record) are errors; near duplicates (ROUGE-L above
 * the self-instruct 0.7 cut-off) are reported for the importer to judge.
 */
export function findImportDuplicates(
  existing: readonly { id: string; instruction: string; input: string | null }[],
  records: readonly TAlpacaSeed[],
): { recordErrors: TRecordError[]; nearDuplicates: TNearDuplicate[] } {
  const recordErrors: TRecordError[] = [];
  const seen = new Map<string, string>(
    existing.map((s) => [exactDuplicateKey(s.instruction, s.input), `seed ${s.id}`]),
  );
  const index = createSimilarityIndex(existing.map((s) => ({ id: s.id, text: s.instruction })));
  const nearDuplicates: TNearDuplicate[] = [];
  records.forEach((r, i) => {
    const key = exactDuplicateKey(r.instruction, r.input);
    const twin = seen.get(key);
    if (twin)
      recordErrors.push({ record: i + 1, field: "instruction", message: `Exact duplicate of ${twin}` });
    else seen.set(key, `record ${i + 1}`);
    // Only candidates that could pass the cut-off are ranked: a file of many alike records stays fast.
    const best = index.query(r.instruction, 1, undefined, NEAR_DUPLICATE_THRESHOLD)[0];
    if (best && best.score > NEAR_DUPLICATE_THRESHOLD) {
      const similar = best.id.startsWith("record:")
        ? { similarRecord: Number(best.id.slice(7)) }
        : { similarSeedId: best.id };
      nearDuplicates.push({ record: i + 1, score: Math.round(best.score * 1000) / 1000, ...similar });
    }
    index.add({ id: `record:${i + 1}`, text: r.instruction });
  });
  return { recordErrors, nearDuplicates };
}
