// Issue 13: a claim's cost must not grow with finished work. One 52,002 × 2 campaign is held at
// 0%, 95% and 99.9% finished (the finished part written by SQL, then VACUUM ANALYZE as autovacuum
// would), and at each state one reviewer, then 50 at once, claim over HTTP and by a bare
// queue_claim call. Every measured lease is handed back by SQL (its row deleted, its slot freed),
// never submitted or skipped, so the state does not move while it is measured.
import pg from "pg";
import { call, callJson, type TCaller } from "./api-client";
import { summarize, type TLatency } from "./latency";

export const FINISHED_STATES = [0, 0.95, 0.999] as const;
const SINGLE_CLAIMS = 200;
const CLAIMS_EACH = 10;
const WARM_UP = 20;

export type TClaimCost = {
  finished: number;
  single: TLatency;
  many: TLatency;
  bareSingle: TLatency;
  bareMany: TLatency;
};

type TLease = { assignmentId: string };

async function httpClaim(c: TCaller, campaignId: string): Promise<TLease> {
  const res = await call(c, "POST", `/api/v1/audits/${campaignId}/assignments/next`);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as TLease;
}

async function bareClaim(c: pg.ClientBase, queueId: string, userId: string): Promise<TLease> {
  const r = await c.query<{ id: string }>(
    `SELECT claimed_id AS id FROM queue_claim($1::uuid, $2::uuid, 30)`,
    [queueId, userId],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new Error("queue_claim handed out nothing");
  return { assignmentId: id };
}

/** Undoes a claim: the assignment row goes and its slot comes back. */
async function giveBack(pool: pg.Pool, assignmentId: string): Promise<void> {
  await pool.query(
    `WITH gone AS (DELETE FROM "QueueAssignment" WHERE id = $1::uuid RETURNING "itemId")
     UPDATE "QueueItem" SET "claimedSlots" = "claimedSlots" - 1 WHERE id IN (SELECT "itemId" FROM gone)`,
    [assignmentId],
  );
}

/** `claim(who)` `count` times per worker, `workers` at once; the time of each claim alone. */
async function measure(
  workers: number,
  count: number,
  claim: (who: number) => Promise<TLease>,
  pool: pg.Pool,
): Promise<number[]> {
  const times: number[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, who) => {
      for (let i = 0; i < count; i++) {
        const t = performance.now();
        const lease = await claim(who);
        times.push(performance.now() - t);
        await giveBack(pool, lease.assignmentId);
      }
    }),
  );
  return times;
}

/** Finishes the items whose position is in [from, to): both slots submitted, by two reviewers. */
async function finish(
  pool: pg.Pool,
  queueId: string,
  from: number,
  to: number,
  userIds: string[],
): Promise<void> {
  if (to > from) {
    await pool.query(
      `INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "claimedAt", "leaseExpiresAt", "submittedAt")
       SELECT gen_random_uuid(), qi.id, qi."queueId", ($4::uuid[])[1 + ((qi.position * 2 + k) % array_length($4::uuid[], 1))],
              'SUBMITTED', now(), now(), now()
         FROM "QueueItem" qi CROSS JOIN generate_series(0, 1) k
        WHERE qi."queueId" = $1::uuid AND qi.position >= $2 AND qi.position < $3`,
      [queueId, from, to, userIds],
    );
    await pool.query(
      `UPDATE "QueueItem" SET "claimedSlots" = 2, "completedSlots" = 2 WHERE "queueId" = $1::uuid AND position >= $2 AND position < $3`,
      [queueId, from, to],
    );
  }
  await pool.query(`VACUUM ANALYZE "QueueItem", "QueueAssignment"`);
}

export async function measureClaimCost(input: {
  admin: TCaller;
  callers: TCaller[];
  databaseUrl: string;
  datasetId: string;
  userIds: string[];
  step: (msg: string) => void;
}): Promise<TClaimCost[]> {
  const { id: campaignId } = await callJson<{ id: string }>(
    input.admin,
    "POST",
    "/api/v1/audits",
    {
      datasetId: input.datasetId,
      name: "bench: claim cost",
      sampleFraction: 1,
      seed: "bench-claim-cost",
      reviewersPerItem: 2,
    },
    201,
  );
  const pool = new pg.Pool({ connectionString: input.databaseUrl, max: 10 });
  const bare = await Promise.all(
    input.userIds.map(async () => {
      const c = new pg.Client({ connectionString: input.databaseUrl });
      await c.connect();
      return c;
    }),
  );
  try {
    const total = Number(
      (
        await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "QueueItem" WHERE "queueId" = $1::uuid`, [
          campaignId,
        ])
      ).rows[0]?.n,
    );
    const out: TClaimCost[] = [];
    let done = 0;
    for (const finished of FINISHED_STATES) {
      const upTo = Math.round(total * finished);
      await finish(pool, campaignId, done, upTo, input.userIds);
      done = upTo;
      const first = input.callers[0] as TCaller;
      const firstBare = bare[0] as pg.Client;
      const firstUser = input.userIds[0] as string;
      await measure(1, WARM_UP, () => httpClaim(first, campaignId), pool);
      await measure(1, WARM_UP, () => bareClaim(firstBare, campaignId, firstUser), pool);
      const single = summarize(await measure(1, SINGLE_CLAIMS, () => httpClaim(first, campaignId), pool));
      const bareSingle = summarize(
        await measure(1, SINGLE_CLAIMS, () => bareClaim(firstBare, campaignId, firstUser), pool),
      );
      const many = summarize(
        await measure(
          input.callers.length,
          CLAIMS_EACH,
          (who) => httpClaim(input.callers[who] as TCaller, campaignId),
          pool,
        ),
      );
      const bareMany = summarize(
        await measure(
          bare.length,
          CLAIMS_EACH,
          (who) => bareClaim(bare[who] as pg.Client, campaignId, input.userIds[who] as string),
          pool,
        ),
      );
      input.step(
        `  ${(finished * 100).toFixed(1)}% finished (${upTo} of ${total} items): claim p95 1 reviewer ${single.p95.toFixed(1)} ms (bare ${bareSingle.p95.toFixed(1)}), 50 reviewers ${many.p95.toFixed(1)} ms (bare ${bareMany.p95.toFixed(1)})`,
      );
      out.push({ finished, single, many, bareSingle, bareMany });
    }
    return out;
  } finally {
    await Promise.all(bare.map((c) => c.end()));
    await pool.end();
  }
}
