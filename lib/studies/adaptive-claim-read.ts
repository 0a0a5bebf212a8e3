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
  /** Comparisons of the pair leased to other raters and not answered yet (live leases). */
  pending: number;
};
export type TAdaptiveRead = { leased: boolean; open: TOpenItem[]; counts: TPairTallyRow[] };

/**
 * The adaptive claim's read (lib/studies/claim-adaptive.ts says where it sits), one statement of
 * O(model pairs), none of it O(the study's items): the rater's live lease, else
 * - per regular model pair (StudyPair), the first item in the chooser's within-pair order (least
 *   judged, then queue order) open to the rater: queue_group_first_open walks the pair's entries in
 *   "QueueItem_group_open_idx" (free slots only) testing the claim rule (queue_item_open_given, with
 *   queue_item_taken_by, as queue_item_open_for) item by item until the first open one; a rater
 *   who had a pair's first items costs a few more probes, not the whole study. A plpgsql loop, not
 *   a LATERAL ORDER BY … LIMIT 1: the statement's generic plan tested the rule on every free item
 *   and sorted (migration 20261210020000_adaptive_hot_pair);
 * - the first special item (attention check, repeat) open to the rater, by the same walk of
 *   "QueueItem_ungrouped_open_idx" in queue order;
 * - every regular pair's tallies on `criterion` (StudyPairTally, kept by triggers deferred to
 *   commit: migrations 20261210000000_pair_state, …_adaptive_hot_pair), pairs not yet judged included, each with its live leases (handed
 *   out, not answered: the chooser counts them as judgements to come, so raters claiming at the
 *   same moment are not all sent to one pair) read by "QueueAssignment_queueId_status_leaseExpiresAt_idx":
 *   O(live leases), at most one per rater.
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
       WHERE p."studyId" = ${studyId}::uuid AND NOT EXISTS (SELECT 1 FROM lease)),
    pending AS MATERIALIZED (
      SELECT qi."groupKey" AS key, count(*)::int AS n
        FROM "QueueAssignment" a JOIN "QueueItem" qi ON qi.id = a."itemId"
       WHERE a."queueId" = ${studyId}::uuid AND a.status = 'LEASED'
         AND a."leaseExpiresAt" > (now() AT TIME ZONE 'UTC') AND qi."groupKey" <> ''
         AND NOT EXISTS (SELECT 1 FROM lease)
       GROUP BY qi."groupKey")
    SELECT EXISTS (SELECT 1 FROM lease) AS leased,
      (SELECT COALESCE(json_agg(o), '[]'::json) FROM (
        (SELECT 'regular' AS kind, qi.id AS "itemId", c."promptId"::text AS "promptId", p."modelA", p."modelB",
                qi."completedSlots" AS judged, qi.position
           FROM go, pairs p
          CROSS JOIN LATERAL queue_group_first_open(${studyId}::uuid, p.id::text, ${userId}::uuid) f(id)
           JOIN "QueueItem" qi ON qi.id = f.id
           JOIN "StudyComparison" c ON c."queueItemId" = qi.id
          ORDER BY p."modelA", p."modelB")
        UNION ALL
        (SELECT c.kind::text, qi.id, c."promptId"::text, c."modelA", c."modelB", qi."completedSlots", qi.position
           FROM go
          CROSS JOIN LATERAL queue_group_first_open(${studyId}::uuid, '', ${userId}::uuid) f(id)
           JOIN "QueueItem" qi ON qi.id = f.id
           JOIN "StudyComparison" c ON c."queueItemId" = qi.id)) o) AS open,
      (SELECT COALESCE(json_agg(t), '[]'::json) FROM (
        SELECT p."modelA", p."modelB", t."winsA", t."winsB", t.ties, t."bothBad", COALESCE(l.n, 0) AS pending
          FROM pairs p
          LEFT JOIN "StudyPairTally" t ON t."pairId" = p.id AND t.criterion = ${criterion}
          LEFT JOIN pending l ON l.key = p.id::text
         ORDER BY p."modelA", p."modelB") t) AS counts`;
}
