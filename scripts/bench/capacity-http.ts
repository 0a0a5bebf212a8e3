// Claim/submit latency and capacity over HTTP (issue 13, item 3): 50 reviewers at a reading pace,
// then at saturation with the CPU profile and the floors of lighter requests, and the same claims
// and submits as bare SQL in the same run. Part of the sample-audit suite (audit-http.ts), and
// runnable alone (`npm run bench -- "saturation"`) on a smaller dataset: these rows do not depend
// on the dataset's size, only on the campaign's (1,000 items).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { tmpdir } from "node:os";
import path from "node:path";
import { callJson, uploadFile, type TCaller } from "./api-client";
import type { TBenchRow } from "./benchmarks";
import { startBenchServer, type TBenchServer } from "./http-server";
import { formatLatency, summarize } from "./latency";
import { bareQueueBaseline, deadTuples, vacuumAnalyze } from "./postgres-baseline";
import { cpuDuring, findPostmaster, saturatedGets, type TFloor } from "./http-profile";
import { readingTimes, runReviewers } from "./queue-http";
import { writeSmallJsonl } from "./synthetic-records";

export const CAPACITY_ROW = "Claim and submit at saturation";

const REVIEWERS = 50;
const QUEUE_ITEMS = 1_000;
// People read an item before they submit; 1–3 s is far quicker than any clinician (AlpaCare's
// reviewers took minutes), so the claim bursts stay dense.
const READING_MS: [number, number] = [1_000, 3_000];
// They open the queue at different moments, within the first reading time; the saturation run
// below starts all 50 at the same instant.
const ARRIVAL_MS: [number, number] = [0, 3_000];
const WORKING_ITEMS = 300;
/** Round trips to PostgreSQL per request, counted by tests/integration/queue-round-trips.test.ts. */
const ROUND_TRIPS =
  "1 statement per claim, 7 per submit on one pg transaction with the token cached (AUTH_TOKEN_CACHE; 2 and 8 reading it, 4 and 11 before issue 13's capacity work), named prepared statements since s17-capacity";

const served = (s: TBenchServer) =>
  `npm start with ${s.workers} next start process(es) (APP_WORKERS), ${s.connections} database connections in all (DATABASE_POOL_SIZE ${s.connections / s.workers} each)`;

const load = () => os.loadavg()[0]?.toFixed(1) ?? "?";

type TStep = (msg: string) => void;

/** The three queue rows: claim and submit at a reading pace, and both at saturation against bare SQL. */
export async function capacityRows(
  server: TBenchServer,
  admin: TCaller,
  callers: TCaller[],
  datasetId: string,
  step: TStep,
): Promise<TBenchRow[]> {
  step(
    `claim/submit: ${REVIEWERS} reviewers reading ${READING_MS[0] / 1000}–${READING_MS[1] / 1000} s per item, ${WORKING_ITEMS} items × 2…`,
  );
  const { id: workingId } = await callJson<{ id: string }>(
    admin,
    "POST",
    "/api/v1/audits",
    { datasetId, sampleSize: WORKING_ITEMS, seed: "bench-working", reviewersPerItem: 2 },
    201,
  );
  const working = await runReviewers(
    callers,
    workingId,
    readingTimes(...READING_MS),
    readingTimes(...ARRIVAL_MS, 11),
  );
  step(
    `  claim ${formatLatency(summarize(working.claims))}; submit ${formatLatency(summarize(working.submits))}`,
  );

  step(`claim/submit at saturation: ${REVIEWERS} reviewers with no pause, ${QUEUE_ITEMS} items × 2…`);
  const queueCampaign = { datasetId, sampleSize: QUEUE_ITEMS, seed: "bench-queue", reviewersPerItem: 2 };
  const campaign = async (seed: string) =>
    (await callJson<{ id: string }>(admin, "POST", "/api/v1/audits", { ...queueCampaign, seed }, 201)).id;
  // Four identical campaigns (same dataset, size and reviewers per item, their own seeds): one for
  // the app, three for bare SQL, each run on fresh items.
  const campaignId = await campaign("bench-queue");
  const bareBeforeId = await campaign("bench-bare");
  const bareStaleId = await campaign("bench-bare-stale");
  const bareAfterId = await campaign("bench-bare-after");
  const db = server.databaseUrl;
  const userIds = server.reviewers.map((r) => r.userId);
  const bareRun = (queueId: string) => bareQueueBaseline(db, queueId, userIds, server.connections);
  const bareLine = (what: string, b: { claims: number[]; submits: number[] }) =>
    `  ${what}: claim ${formatLatency(summarize(b.claims))}; submit ${formatLatency(summarize(b.submits))}`;
  // Equal starting state (BENCHMARKS.md, "The bare baseline's 152 ms"): every measured run, bare or
  // app, starts right after a VACUUM ANALYZE; bare runs before and after the app's, so a machine
  // that gets busier or quieter during the run shows as two different bare figures.
  const vacuumMs: number[] = [];
  const vacuum = async () => vacuumMs.push(await vacuumAnalyze(db));
  step(
    `bare claim/submit SQL before the app's run (after VACUUM ANALYZE): ${REVIEWERS} callers sharing ${server.connections} connections (as the app's ${server.workers} process(es))…`,
  );
  await vacuum();
  const bareBefore = await bareRun(bareBeforeId);
  step(bareLine("bare, before the app", bareBefore));
  await vacuum();
  const postmaster = await findPostmaster(db);
  const loadBefore = load();
  const profiled = await cpuDuring(server.pid, postmaster, () => runReviewers(callers, campaignId));
  const app = profiled.value;
  const appRequests = app.claims.length + app.submits.length;
  step(
    `  app: claim ${formatLatency(summarize(app.claims))}; submit ${formatLatency(summarize(app.submits))}; ${(appRequests / app.seconds).toFixed(0)} requests/s; CPU per request: app ${(profiled.appMs / appRequests).toFixed(2)} ms, PostgreSQL ${((profiled.pgMs ?? NaN) / appRequests).toFixed(2)} ms, client ${(profiled.clientMs / appRequests).toFixed(2)} ms`,
  );
  // How the bench measured until 2026-12-06: right after the app's run, on the same database, with
  // the app's dead row versions and its statistics as they were. Reported, not used for the ratio.
  const deadAfterApp = await deadTuples(db);
  const bareStale = await bareRun(bareStaleId);
  step(
    `${bareLine("bare, right after the app without VACUUM (as before)", bareStale)}; dead rows before it: ${deadAfterApp}`,
  );
  await vacuum();
  const bareAfter = await bareRun(bareAfterId);
  const loadAfter = load();
  step(bareLine("bare, after the app (after VACUUM ANALYZE)", bareAfter));
  step(
    "profile: the same callers on GET /api/health (Next and one SELECT) and GET /api/v1/me (Next and token authentication)…",
  );
  // With the app's CPU per GET: what Next costs a request with little or no work of the app's.
  const gets = async (path: string) => {
    const r = await cpuDuring(server.pid, postmaster, () => saturatedGets(callers, path));
    return { ...r.value, appMsEach: r.appMs / r.value.n };
  };
  const health = await gets("/api/health");
  const me = await gets("/api/v1/me");
  step(
    `  health ${formatLatency(health.latency)} at ${health.perSecond.toFixed(0)}/s, app CPU ${health.appMsEach.toFixed(2)} ms each; me ${formatLatency(me.latency)} at ${me.perSecond.toFixed(0)}/s, app CPU ${me.appMsEach.toFixed(2)} ms each`,
  );

  const claims = summarize(app.claims);
  const submits = summarize(app.submits);
  const workClaims = summarize(working.claims);
  const workSubmits = summarize(working.submits);
  const requests = app.claims.length + app.submits.length;
  const throughput = requests / app.seconds;
  const perRequest = (ms: number | null) =>
    ms === null
      ? "not measured"
      : `${(ms / requests).toFixed(1)} ms (${(ms / 1000 / app.seconds).toFixed(2)} cores)`;
  const floor = (what: string, f: TFloor & { appMsEach: number }) =>
    `${what} p95 ${f.latency.p95.toFixed(0)} ms at ${f.perSecond.toFixed(0)} requests/s, app CPU ${f.appMsEach.toFixed(2)} ms each`;
  const bareBeforeClaims = summarize(bareBefore.claims);
  const bareAfterClaims = summarize(bareAfter.claims);
  const bareStaleClaims = summarize(bareStale.claims);
  // The ratio's baseline: the mean of the two fair bare runs' claim p95 (both are printed).
  const bareP95 = (bareBeforeClaims.p95 + bareAfterClaims.p95) / 2;
  return [
    {
      name: `Claim next item (POST /api/v1/audits/:id/assignments/next), ${REVIEWERS} concurrent reviewers reading ${READING_MS[0] / 1000}–${READING_MS[1] / 1000} s per item`,
      target: "p95 < 100 ms",
      result: {
        value: Number(workClaims.p95.toFixed(1)),
        unit: "ms",
        display: formatLatency(workClaims),
        pass: workClaims.p95 < 100,
        notes: `${workClaims.n} claims (incl. the final 204s), max ${workClaims.max.toFixed(0)} ms; ${WORKING_ITEMS} items × 2 reviewers, each of ${REVIEWERS} distinct clinicians (own API token) arriving over the first ${ARRIVAL_MS[1] / 1000} s, then claiming, reading for a seeded uniform ${READING_MS[0] / 1000}–${READING_MS[1] / 1000} s, submitting; ${served(server)}; PostgreSQL alone is measured at saturation (below), where it compares like with like`,
      },
    },
    {
      name: `Submit review (POST /api/v1/assignments/:id/submit, Idempotency-Key), the same ${REVIEWERS} reviewers`,
      target: "none set",
      result: {
        value: Number(workSubmits.p95.toFixed(1)),
        unit: "ms",
        display: formatLatency(workSubmits),
        pass: null,
        notes: `${workSubmits.n} submits, max ${workSubmits.max.toFixed(0)} ms; besides the queue_submit call and the review row (the bare baseline at saturation), the app authenticates the token, checks flags, writes the audit trail and the idempotency record`,
      },
    },
    {
      name: `${CAPACITY_ROW}: ${REVIEWERS} reviewers looping with no pause`,
      target: "app ÷ bare SQL at claim p95 ≤ 5",
      result: {
        value: Number(throughput.toFixed(0)),
        unit: "requests/s",
        display: `${throughput.toFixed(0)} requests/s; claim ${formatLatency(claims)}; submit ${formatLatency(submits)}`,
        pass: claims.p95 / bareP95 <= 5,
        baseline: {
          display: `bare before the app: claim ${formatLatency(bareBeforeClaims)}, submit ${formatLatency(summarize(bareBefore.submits))}; bare after the app: claim ${formatLatency(bareAfterClaims)}, submit ${formatLatency(summarize(bareAfter.submits))}`,
          ratio: claims.p95 / bareP95,
        },
        notes: `${QUEUE_ITEMS} items × 2, ${claims.n} claims and ${submits.n} submits; with ${REVIEWERS} requests always in flight, latency is queueing: ${REVIEWERS} ÷ throughput (Little's law), so this row measures capacity (and the worst case: all ${REVIEWERS} first claims at the same instant), and the row above latency; ${served(server)}; the bare baseline runs the same ${REVIEWERS} callers on one pool of the same ${server.connections} connections, once before and once after the app's run, each run (bare and app) on its own fresh 1,000 × 2 campaign right after a VACUUM ANALYZE (${vacuumMs.map((ms) => (ms / 1000).toFixed(1)).join(", ")} s); ratio at claim p95 against the mean of the two bare p95s; bare as the bench ran it before (right after the app's run, no VACUUM; dead rows then: ${deadAfterApp}) claim ${formatLatency(bareStaleClaims)}; ${ROUND_TRIPS}. Profile, the same 50 callers at saturation: ${floor("GET /api/health (Next and one SELECT)", health)}, ${floor("GET /api/v1/me (Next and token authentication)", me)}; CPU per claim or submit: the app's processes ${perRequest(profiled.appMs)}, PostgreSQL ${perRequest(profiled.pgMs)}, the bench's HTTP client (this process) ${perRequest(profiled.clientMs)}; load average (1 min) ${loadBefore} before the app's run, ${loadAfter} after the bare one`,
      },
    },
  ];
}

const CAPACITY_RECORDS = 5_000;

/** The capacity rows alone, on a 5,000-record dataset (a 1,000-item campaign needs no more). */
export async function runCapacityBenchmarks(): Promise<TBenchRow[]> {
  const started = performance.now();
  const step: TStep = (msg) =>
    console.log(`  · [${((performance.now() - started) / 1000).toFixed(0)} s] ${msg}`);
  const workDir = mkdtempSync(path.join(tmpdir(), "clinreview-capacity-"));
  try {
    const file = path.join(workDir, "records.jsonl");
    await writeSmallJsonl(file, CAPACITY_RECORDS);
    const server = await startBenchServer({ reviewers: REVIEWERS, workDir });
    try {
      const admin: TCaller = { baseUrl: server.baseUrl, token: server.adminToken };
      const callers = server.reviewers.map((r) => ({ baseUrl: server.baseUrl, token: r.token }));
      const up = await uploadFile(
        admin,
        "/api/v1/datasets?name=bench%20capacity",
        file,
        "application/x-ndjson",
      );
      if (up.status !== 201) throw new Error(`import answered ${up.status}: ${up.body.slice(0, 300)}`);
      const datasetId = (JSON.parse(up.body) as { id: string }).id;
      step("warming up (50 reviewers on a small campaign)…");
      const { id: warmId } = await callJson<{ id: string }>(
        admin,
        "POST",
        "/api/v1/audits",
        { datasetId, sampleSize: 100, seed: "warm-up", reviewersPerItem: 1 },
        201,
      );
      await runReviewers(callers, warmId);
      return await capacityRows(server, admin, callers, datasetId, step);
    } catch (err) {
      console.error(`next start's output ended with:\n${server.logTail()}`);
      throw err;
    } finally {
      step("stopping the server and PostgreSQL…");
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
