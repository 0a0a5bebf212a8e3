import "server-only";
import { sql, type Sql } from "@/lib/db/sql";
import type { TOpenItem } from "@/lib/studies/adaptive-pick";

/** A regular model pair's current judgements on the criterion read (null: none yet). */
export type TPairTallyRow = {
  modelA: string;
  modelB: string;
  winsA: number | null;
  winsB: number | null;
  ties: number | null;
  bothBad: number | null;
};
export type TAdaptiveRead = { leased: boolean; open: TOpenItem[]; counts: TPairTallyRow[] };

/**
 * The adaptive claim's read (lib/studies/claim-adaptive.ts says where it sits), one statement of
 * O(model pairs), none of it O(the study's items): the rater's live lease, else
 * - per regular model pair (StudyPair), the first item in the chooser's within-pair order (least
 *   judged, then queue order) open to the rater: a walk of the pair's entries in
 *   "QueueItem_group_open_idx" (free slots only) testing the claim rule (queue_item_open_given, with
 *   queue_item_taken_by, as queue_item_open_for) item by item until the first open one; a rater
 *   who had a pair's first items costs a few more probes, not the whole study;
 * - the first special item (attention check, repeat) open to the rater, by a walk of
 *   "QueueItem_ungrouped_open_idx" in queue order;
 * - every regular pair's tallies on `criterion` (StudyPairTally, kept by triggers: migration
 *   20261210000000_pair_state), pairs not yet judged included.
 * The rater list (queue_open_to) is read once; when the study is not open to the rater, or a lease
 * is live, no walk runs. Same answer as the set-wise read it replaced
 * (tests/integration/adaptive-pair-state.test.ts compares them).
 */
export function adaptiveClaimRead(studyId: string, userId: string, criterion: string): Sql {
  return sql`
    WITH lease AS MATERIALIZED (
      SELECT a."itemId" FROM "QueueAssignment" a
       WHERE a."queueId" = ${studyId}::uuid AND a."userId" = ${userId}::uuid AND a.status = 'LEASED'
         AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC')
       LIMIT 1),
    -- One row when the items are to be read (no lease, the study open to the rater), else none:
    -- the per-pair walks below then do not run at all.
    go AS MATERIALIZED (
      SELECT 1 AS go WHERE NOT EXISTS (SELECT 1 FROM lease) AND queue_open_to(${studyId}::uuid, ${userId}::uuid)),
    pairs AS MATERIALIZED (
      SELECT p.id, p."modelA", p."modelB" FROM "StudyPair" p
       WHERE p."studyId" = ${studyId}::uuid AND NOT EXISTS (SELECT 1 FROM lease))
    SELECT EXISTS (SELECT 1 FROM lease) AS leased,
      (SELECT COALESCE(json_agg(o), '[]'::json) FROM (
        (SELECT 'regular' AS kind, qi.id AS "itemId", c."promptId"::text AS "promptId", p."modelA", p."modelB",
                qi."completedSlots" AS judged, qi.position
           FROM go, pairs p
          CROSS JOIN LATERAL (
            SELECT q.id, q."completedSlots", q.position FROM "QueueItem" q
             WHERE q."queueId" = ${studyId}::uuid AND q."groupKey" = p.id::text
               -- Written out: the partial index's predicate is not implied by "= p.id::text".
               AND q."groupKey" <> '' AND q."claimedSlots" < q.capacity
               AND queue_item_open_given(q, ${userId}::uuid, queue_item_taken_by(q.id, ${userId}::uuid), true)
             ORDER BY q."completedSlots", q.position
             LIMIT 1) qi
           JOIN "StudyComparison" c ON c."queueItemId" = qi.id
          ORDER BY p."modelA", p."modelB")
        UNION ALL
        (SELECT c.kind::text, qi.id, c."promptId"::text, c."modelA", c."modelB", qi."completedSlots", qi.position
           FROM go
          CROSS JOIN LATERAL (
            SELECT q.id, q."completedSlots", q.position FROM "QueueItem" q
             WHERE q."queueId" = ${studyId}::uuid AND q."groupKey" = ''
               AND q."claimedSlots" < q.capacity
               AND queue_item_open_given(q, ${userId}::uuid, queue_item_taken_by(q.id, ${userId}::uuid), true)
             ORDER BY q.position
             LIMIT 1) qi
           JOIN "StudyComparison" c ON c."queueItemId" = qi.id)) o) AS open,
      (SELECT COALESCE(json_agg(t), '[]'::json) FROM (
        SELECT p."modelA", p."modelB", t."winsA", t."winsB", t.ties, t."bothBad"
          FROM pairs p
          LEFT JOIN "StudyPairTally" t ON t."pairId" = p.id AND t.criterion = ${criterion}
         ORDER BY p."modelA", p."modelB") t) AS counts`;
}
