// The adaptive claim's read as it was before the per-pair state (lib/studies/claim-adaptive.ts
// until migration 20261210000000_pair_state): the rater's open items read set-wise over the whole
// study (queue_items_open_for, twice), the tallies by joining every regular comparison to its
// current judgements. Kept for the tests that compare the per-pair read with it and EXPLAIN both.
import { Prisma } from "@/lib/generated/prisma/client";

export const setWiseAdaptiveRead = (study: string, user: string, criterion: string) => Prisma.sql`
  WITH lease AS MATERIALIZED (
    SELECT a."itemId" FROM "QueueAssignment" a
     WHERE a."queueId" = ${study}::uuid AND a."userId" = ${user}::uuid AND a.status = 'LEASED'
       AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC')
     LIMIT 1)
  SELECT EXISTS (SELECT 1 FROM lease) AS leased,
    (SELECT COALESCE(json_agg(o), '[]'::json) FROM (
      (SELECT DISTINCT ON (c."modelA", c."modelB") 'regular' AS kind, qi.id AS "itemId",
              c."promptId"::text AS "promptId", c."modelA", c."modelB", qi."completedSlots" AS judged,
              qi.position
         FROM queue_items_open_for(${study}::uuid, ${user}::uuid) qi
         JOIN "StudyComparison" c ON c."queueItemId" = qi.id
        WHERE c.kind = 'regular' AND NOT EXISTS (SELECT 1 FROM lease)
        ORDER BY c."modelA", c."modelB", qi."completedSlots", qi.position)
      UNION ALL
      (SELECT c.kind::text, qi.id, c."promptId"::text, c."modelA", c."modelB", qi."completedSlots", qi.position
         FROM queue_items_open_for(${study}::uuid, ${user}::uuid) qi
         JOIN "StudyComparison" c ON c."queueItemId" = qi.id
        WHERE c.kind <> 'regular' AND NOT EXISTS (SELECT 1 FROM lease)
        ORDER BY qi.position
        LIMIT 1)) o) AS open,
    (SELECT COALESCE(json_agg(t), '[]'::json) FROM (
      SELECT c."modelA", c."modelB", j.choice::text AS choice, count(j.id)::int AS n
        FROM "StudyComparison" c
        LEFT JOIN "StudyJudgement" j
          ON j."comparisonId" = c.id AND j."supersededAt" IS NULL AND j.criterion = ${criterion}
       WHERE c."studyId" = ${study}::uuid AND c.kind = 'regular' AND NOT EXISTS (SELECT 1 FROM lease)
       GROUP BY c."modelA", c."modelB", j.choice) t) AS counts`;

export type TSetWiseRead = {
  leased: boolean;
  open: unknown[];
  counts: { modelA: string; modelB: string; choice: string | null; n: number }[];
};
