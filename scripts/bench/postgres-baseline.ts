// The same work done by PostgreSQL alone, for the overhead ratios: COPY of the import file into
// the app's own table (same indexes), COPY of the export rows out, and the claim and submit
// transactions run as bare SQL over 50 connections.
import { createReadStream } from "node:fs";
import { randomUUID } from "node:crypto";
import { pipeline } from "node:stream/promises";
import { Writable } from "node:stream";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { applyMigrations } from "../support/schema-engine";
import { createDatabase, dropDatabase } from "../../tests/support/pg-cluster";

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/**
 * COPY FROM STDIN of the prepared file into "DatasetRecord" of a fresh, migrated database beside
 * the app's (so both start from an empty table and grow alike over the runs).
 */
export async function copyImportBaseline(
  serverUrl: string,
  copyFile: string,
  runs: number,
): Promise<number[]> {
  const url = await createDatabase(serverUrl, "clinreview_bench_pg");
  try {
    await applyMigrations(url);
    return await withClient(url, async (c) => {
      const times: number[] = [];
      // A dataset's creator is a foreign key to a user (migration …_integrity_constraints).
      const creator = randomUUID();
      await c.query(
        `INSERT INTO "User" (id, email, name, role, pseudonym, "updatedAt") VALUES ($1::uuid, $1::text || '@bench.invalid', 'bench', 'ADMIN', 'R-' || $1::text, now())`,
        [creator],
      );
      for (let i = 0; i < runs; i++) {
        const id = randomUUID();
        await c.query(
          `INSERT INTO "Dataset" (id, name, status, "createdById") VALUES ($1, 'copy baseline', 'STAGING', $2)`,
          [id, creator],
        );
        // COPY takes no parameters: the dataset id comes in as the column default.
        await c.query(`ALTER TABLE "DatasetRecord" ALTER COLUMN "datasetId" SET DEFAULT '${id}'::uuid`);
        const t = performance.now();
        await pipeline(
          createReadStream(copyFile, { highWaterMark: 256 * 1024 }),
          c.query(
            copyFrom(`COPY "DatasetRecord" (ordinal, instruction, input, output, "contentHash") FROM STDIN`),
          ),
        );
        times.push(performance.now() - t);
      }
      return times;
    });
  } finally {
    await dropDatabase(url).catch(() => undefined);
  }
}

/** COPY TO STDOUT of what the curated export reads: each item's record and review, in record order. */
export async function copyExportBaseline(
  databaseUrl: string,
  campaignId: string,
  runs: number,
): Promise<{ times: number[]; bytes: number }> {
  if (!/^[0-9a-f-]{36}$/.test(campaignId)) throw new Error("campaign id is not a uuid");
  const sql = `COPY (
    SELECT r.instruction, r.input, COALESCE(v."correctedOutput", r.output), r.output, v.verdict, v.flags, v."reviewerId"
      FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId" JOIN "AuditReview" v ON v."itemId" = ai.id
     WHERE ai."campaignId" = '${campaignId}' ORDER BY r.ordinal) TO STDOUT`;
  return withClient(databaseUrl, async (c) => {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      bytes = 0;
      const t = performance.now();
      await pipeline(
        c.query(copyTo(sql)),
        new Writable({
          write(chunk: Buffer, _enc, done) {
            bytes += chunk.length;
            done();
          },
        }),
      );
      times.push(performance.now() - t);
    }
    return { times, bytes };
  });
}

/** The claim exactly as lib/queue/claim-next-item.ts makes it: one call of queue_claim. */
async function bareClaim(
  c: pg.Pool,
  queueId: string,
  userId: string,
): Promise<{ id: string; itemId: string } | null> {
  // Named, as the app's statements are since s17-capacity (lib/db/prepared-name.ts): the bare
  // baseline is the cheapest way to send the same work, so it is prepared too.
  const r = await c.query<{ id: string; itemId: string }>({
    name: "bare_claim",
    text: `SELECT claimed_id AS id, claimed_item AS "itemId" FROM queue_claim($1::uuid, $2::uuid, 30)`,
    values: [queueId, userId],
  });
  return r.rows[0] ?? null;
}

/** lib/queue/submit-assignment.ts's queue_submit call plus the review row the audit stores beside it. */
async function bareSubmit(pool: pg.Pool, a: { id: string; itemId: string }, userId: string): Promise<void> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    await c.query({
      name: "bare_submit",
      text: `SELECT queue_submit($1::uuid, $2::uuid)`,
      values: [a.id, userId],
    });
    await c.query({
      name: "bare_review",
      text: `INSERT INTO "AuditReview" (id, "itemId", "assignmentId", "reviewerId", verdict, flags, "durationMs")
       SELECT gen_random_uuid(), ai.id, $1::uuid, $2::uuid, 'accept', '{}', 1000 FROM "AuditItem" ai WHERE ai."queueItemId" = $3::uuid`,
      values: [a.id, userId, a.itemId],
    });
    await c.query("COMMIT");
  } catch (err) {
    await c.query("ROLLBACK");
    throw err;
  } finally {
    c.release();
  }
}

/**
 * Like with like: the same callers as the app's run (one loop per reviewer, all in flight at once),
 * sharing a pool of as many connections as the app's server processes hold in all (workers ×
 * DATABASE_POOL_SIZE), so both wait for a connection alike; each claims and submits until the
 * queue is empty for it.
 */
export async function bareQueueBaseline(
  databaseUrl: string,
  queueId: string,
  userIds: string[],
  connections: number,
): Promise<{ claims: number[]; submits: number[] }> {
  const claims: number[] = [];
  const submits: number[] = [];
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  // Opened before timing, as the app's pools are warm after its own run.
  const opened = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  for (const c of opened) c.release();
  try {
    await Promise.all(
      userIds.map(async (userId) => {
        for (;;) {
          let t = performance.now();
          const a = await bareClaim(pool, queueId, userId);
          claims.push(performance.now() - t);
          if (!a) return;
          t = performance.now();
          await bareSubmit(pool, a, userId);
          submits.push(performance.now() - t);
        }
      }),
    );
  } finally {
    await pool.end();
  }
  return { claims, submits };
}

/**
 * VACUUM ANALYZE of the whole database: dead row versions left by the run before (every claim and
 * submit rewrites its QueueItem row, and each assignment row) are removed and the statistics are
 * fresh, so the next run, bare or app, starts from the same kind of state.
 */
export async function vacuumAnalyze(databaseUrl: string): Promise<number> {
  return withClient(databaseUrl, async (c) => {
    const t = performance.now();
    await c.query("VACUUM ANALYZE");
    return performance.now() - t;
  });
}

/** Dead row versions of the tables a claim and a submit touch (pg_stat_user_tables; approximate). */
export async function deadTuples(databaseUrl: string): Promise<string> {
  return withClient(databaseUrl, async (c) => {
    const r = await c.query<{ relname: string; n_dead_tup: string; n_live_tup: string }>(
      `SELECT relname, n_dead_tup::text, n_live_tup::text FROM pg_stat_user_tables
        WHERE relname IN ('QueueItem', 'QueueAssignment', 'AuditReview') ORDER BY relname`,
    );
    return r.rows.map((x) => `${x.relname} ${x.n_dead_tup} dead / ${x.n_live_tup} live`).join(", ");
  });
}
