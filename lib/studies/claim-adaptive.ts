import "server-only";
import { sql } from "@/lib/db/sql";
import type { TClaim, TQueueClient } from "@/lib/queue";
import type { TClaimGate, TClaimGateRow } from "@/lib/queue/types";
import { sqlOn } from "@/lib/queue/sql-on";
import type { TAllocationGoal } from "@/lib/stats/adaptive-allocation";
import type { PairCounts } from "@/lib/stats/pair-counts";
import { pickAdaptive, type TAdaptivePick } from "@/lib/studies/adaptive-pick";
import { adaptiveClaimRead, type TAdaptiveRead, type TPairTallyRow } from "@/lib/studies/adaptive-claim-read";
import { studyCriteria } from "@/lib/studies/study-criteria";

type TAdaptiveStudy = {
  id: string;
  leaseMinutes: number;
  criteria: unknown;
  allocationGoal: TAllocationGoal;
};
type TClaimRow = TClaimGateRow & {
  claimed_id: string | null;
  claimed_item: string | null;
  was_resumed: boolean | null;
  lease_until: Date | null;
};

/**
 * The claim of an adaptive study (issue 17): two statements, a read (1 and 2 below, as JSON) and the
 * claim (3). The read costs O(model pairs), not O(the study's items) (adaptiveClaimRead in
 * ./adaptive-claim-read.ts; EXPLAIN figures in BENCHMARKS.md):
 * 1. The rater's best open item per model pair in the chooser's within-pair order (least judged,
 *    then queue order), by a walk of each pair's open items (QueueItem."groupKey", set by a trigger
 *    when the study creates its comparisons) testing the claim rule (queue_item_open_given) until
 *    the first open one; and the first open special item (attention check, repeat) by queue order;
 *    plus the rater's live lease, if any.
 * 2. The study's tallies per model pair (StudyPairTally, kept by triggers on "StudyJudgement" in the
 *    judgement's transaction): current revisions of regular comparisons only (attention checks and
 *    repeats excluded, as the statistics do), on the study's first criterion. Every regular pair is
 *    listed (StudyPair), so every model is known even before its first judgement. Not read when the
 *    rater has a live lease.
 * 3. study_claim_item_under takes the chosen item, else the next open item of its pair, else (the
 *    pair went meanwhile, or nothing was chosen) the uniform pick (queue_pick, which queue_claim
 *    uses), under queue_claim's lock, resume and expiry (queue_claim_begin) and with the guideline
 *    version stamped; a live lease is resumed. The same statement writes the choice's log row, rule
 *    'fallback' when the uniform pick served (a resumed lease writes none).
 *    The guidelines gate (if any) is that statement's first CTE: the claim runs only when it is ok
 *    (a LATERAL call on a filtered one-row CTE is not evaluated); a refusal throws the gate's 409.
 */
export async function claimAdaptive(
  userId: string,
  study: TAdaptiveStudy,
  client: TQueueClient,
  gate?: TClaimGate,
): Promise<TClaim | null> {
  const run = sqlOn(client);
  const criterion = studyCriteria(study.criteria)[0]?.key ?? "";
  // One statement (one round trip, one wait for a pooled connection under load): a live lease, else
  // the open items and the tallies, as JSON. With a lease the other two are not evaluated (their
  // NOT EXISTS on the lease is a one-time filter).
  const [read] = await run.rows<TAdaptiveRead>(adaptiveClaimRead(study.id, userId, criterion));

  let pick: TAdaptivePick | null = null;
  if (read && !read.leased && read.open.length > 0) {
    const { models, counts } = tallies(read.counts);
    const pending = read.counts
      .filter((r) => r.pending > 0)
      .map((r) => ({ modelA: r.modelA, modelB: r.modelB, n: r.pending }));
    pick = pickAdaptive({ goal: study.allocationGoal, models, counts, pending, open: read.open });
  }

  const minutes = Math.max(1, Math.min(24 * 60, Math.round(study.leaseMinutes)));
  const log = pick?.log ?? {
    rule: "fallback",
    modelA: "",
    modelB: "",
    pairJudgements: 0,
    target: [],
    deficit: null,
  };
  const gateSql = gate
    ? gate.sql(userId, study.id)
    : sql`SELECT true AS ok, NULL::int AS version, NULL::int AS acknowledged`;
  const claimed = await run.rows<TClaimRow>(sql`
    WITH g AS MATERIALIZED (${gateSql}),
    c AS (
      SELECT x.* FROM g, LATERAL study_claim_item_under(
               ${study.id}::uuid, ${userId}::uuid, ${minutes}::int, ${pick?.item.itemId ?? null}::uuid,
               ${pick?.samePair ? pick.item.modelA : null}::text,
               ${pick?.samePair ? pick.item.modelB : null}::text, g.version) x
       WHERE g.ok
    ), fell AS (
      -- A fallback is logged with the pair of the item the uniform pick took and that pair's
      -- current judgements (either orientation), as the chooser counts them.
      SELECT k."modelA", k."modelB",
             (SELECT count(*)::int FROM "StudyComparison" p
                JOIN "StudyJudgement" j
                  ON j."comparisonId" = p.id AND j."supersededAt" IS NULL AND j.criterion = ${criterion}
               WHERE p."studyId" = ${study.id}::uuid AND p.kind = 'regular'
                 AND ((p."modelA" = k."modelA" AND p."modelB" = k."modelB")
                      OR (p."modelA" = k."modelB" AND p."modelB" = k."modelA"))) AS judged
        FROM c JOIN "StudyComparison" k ON k."queueItemId" = c.claimed_item
       WHERE c.fell_back AND NOT c.was_resumed
    ), logged AS (
      INSERT INTO "StudyAllocationChoice"
             ("assignmentId", "studyId", rule, "modelA", "modelB", "pairJudgements", target, deficit)
      SELECT c.claimed_id, ${study.id}::uuid,
             CASE WHEN c.fell_back THEN 'fallback' ELSE ${log.rule} END,
             COALESCE(fell."modelA", ${log.modelA}), COALESCE(fell."modelB", ${log.modelB}),
             COALESCE(fell.judged, ${log.pairJudgements}::int),
             CASE WHEN c.fell_back THEN '{}'::text[] ELSE ${log.target}::text[] END,
             CASE WHEN c.fell_back THEN NULL ELSE ${log.deficit}::float8 END
        FROM c LEFT JOIN fell ON true WHERE NOT c.was_resumed
      -- An expired assignment claimed again by the same rater keeps its id: the newest choice wins.
      ON CONFLICT ("assignmentId") DO UPDATE
         SET rule = EXCLUDED.rule, "modelA" = EXCLUDED."modelA", "modelB" = EXCLUDED."modelB",
             "pairJudgements" = EXCLUDED."pairJudgements", target = EXCLUDED.target,
             deficit = EXCLUDED.deficit, "createdAt" = EXCLUDED."createdAt"
    )
    SELECT g.ok, g.version, g.acknowledged, c.claimed_id, c.claimed_item, c.was_resumed, c.lease_until
      FROM g LEFT JOIN c ON true`);
  const row = claimed[0];
  if (gate && row && !row.ok) throw gate.refusal(row);
  if (!row?.claimed_id || !row.claimed_item || !row.lease_until) return null;
  return {
    assignmentId: row.claimed_id,
    itemId: row.claimed_item,
    resumed: row.was_resumed === true,
    leaseExpiresAt: row.lease_until,
  };
}

/** Per model pair tallies (every regular pair, judged or not) and the study's models, sorted. */
function tallies(rows: readonly TPairTallyRow[]): { models: string[]; counts: PairCounts[] } {
  const models = new Set<string>();
  const counts = rows.map((r): PairCounts => {
    models.add(r.modelA).add(r.modelB);
    const [winsA, winsB, ties, bothBad] = [r.winsA ?? 0, r.winsB ?? 0, r.ties ?? 0, r.bothBad ?? 0];
    return {
      modelA: r.modelA,
      modelB: r.modelB,
      winsA,
      winsB,
      ties,
      bothBad,
      n: winsA + winsB + ties + bothBad,
    };
  });
  return { models: [...models].sort(), counts };
}
