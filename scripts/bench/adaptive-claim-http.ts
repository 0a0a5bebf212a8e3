// Issue 17: the claim of an adaptive study against a uniform one's, over HTTP, in the same run.
// 50 raters claim and submit with no pause (saturation) in a uniform study, then in an adaptive
// study with the same outputs, then in a second uniform study (so a drift of the loaded machine
// shows as a gap between the two uniform figures). The adaptive claim adds one read (the best open item
// and the tallies per model pair, migration …_pair_state), the choice (a Bradley–Terry fit of 8
// models) and the log row to the uniform claim's one statement. `npm run bench -- "adaptive claim"` runs this row alone.
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { call, callJson, type TCaller } from "./api-client";
import type { TBenchRow } from "./benchmarks";
import { startBenchServer } from "./http-server";
import { formatLatency, summarize } from "./latency";
import { vacuumAnalyze } from "./postgres-baseline";
import { cpuDuring, findPostmaster } from "./http-profile";

export const ADAPTIVE_CLAIM_ROW =
  "Adaptive claim (POST /api/v1/studies/:id/assignments/next), 50 raters at saturation, against a uniform study's claim";

const RATERS = 50;
const MODELS = 8;
const PROMPTS = 40;
/** Claims per rater per study: 600 in all, past the warm-up (10 per pair × 28 pairs = 280). */
const CLAIMS_EACH = 12;

/**
 * Every rater claims and submits `CLAIMS_EACH` times, all at once; the time of each claim and the
 * 503s met. A 503 (the server's pool could not give a connection in time) is retried after a short
 * pause, as the rating screen does, and the claim's time runs from its first attempt.
 */
async function rate(callers: TCaller[], studyId: string): Promise<{ claims: number[]; unavailable: number }> {
  const claims: number[] = [];
  let unavailable = 0;
  await Promise.all(
    callers.map(async (c, who) => {
      for (let n = 0; n < CLAIMS_EACH; n++) {
        const t = performance.now();
        let res = await call(c, "POST", `/api/v1/studies/${studyId}/assignments/next`);
        while (res.status === 503) {
          unavailable++;
          await res.text();
          await new Promise((r) => setTimeout(r, 250));
          res = await call(c, "POST", `/api/v1/studies/${studyId}/assignments/next`);
        }
        const text = await res.text();
        claims.push(performance.now() - t);
        if (res.status === 204) return;
        if (res.status !== 200) throw new Error(`claim answered ${res.status}: ${text.slice(0, 300)}`);
        const { assignmentId } = JSON.parse(text) as { assignmentId: string };
        const choice = ["A", "B", "A", "tie"][(who + n) % 4];
        // The same key on a retry: a 503'd submit that did land answers its first outcome.
        const key = randomUUID();
        const submit = () =>
          call(
            c,
            "POST",
            `/api/v1/assignments/${assignmentId}/submit`,
            { choices: { quality: choice } },
            {
              "idempotency-key": key,
            },
          );
        let done = await submit();
        while (done.status === 503) {
          unavailable++;
          await done.text();
          await new Promise((r) => setTimeout(r, 250));
          done = await submit();
        }
        const answer = await done.text();
        if (done.status !== 200) throw new Error(`submit answered ${done.status}: ${answer.slice(0, 300)}`);
      }
    }),
  );
  return { claims, unavailable };
}

async function study(admin: TCaller, name: string, allocation: Record<string, string>): Promise<string> {
  const { id } = await callJson<{ id: string }>(
    admin,
    "POST",
    "/api/v1/studies",
    { name, criteria: ["Quality"], design: "all_pairs", ratingsPerComparison: 1, seed: name, ...allocation },
    201,
  );
  const rows = Array.from({ length: MODELS }, (_, m) =>
    Array.from({ length: PROMPTS }, (_, p) => ({
      instruction: `Case ${p}: what would you advise?`,
      output: `Advice ${p}, version ${m}.`,
      generator: `model-${m}`,
    })),
  ).flat();
  await callJson(admin, "POST", `/api/v1/studies/${id}/outputs`, rows, 200);
  await callJson(admin, "POST", `/api/v1/studies/${id}/start`, undefined, 200);
  return id;
}

export async function runAdaptiveClaimBenchmark(): Promise<TBenchRow[]> {
  const workDir = mkdtempSync(path.join(tmpdir(), "clinreview-bench-adaptive-"));
  const step = (msg: string) => console.log(`  · ${msg}`);
  try {
    const server = await startBenchServer({ reviewers: RATERS, workDir });
    try {
      const admin: TCaller = { baseUrl: server.baseUrl, token: server.adminToken };
      const callers = server.reviewers.map((r) => ({ baseUrl: server.baseUrl, token: r.token }));
      // Both claims warmed by all 50 raters before anything is measured: with only the uniform path
      // warmed, the first measured run still paid for the JIT and the prepared statements of the
      // rest (the first uniform run's p95 was ×1.4–1.6 the second's in three runs).
      step("warming up (50 raters on a uniform and an adaptive study)…");
      await rate(callers, await study(admin, "bench-warm-up", {}));
      await rate(
        callers,
        await study(admin, "bench-warm-up-adaptive", { allocation: "adaptive", allocationGoal: "ranking" }),
      );
      const postmaster = await findPostmaster(server.databaseUrl);
      const runs: { label: string; claims: number[]; unavailable: number; cpu: string }[] = [];
      for (const [label, allocation] of [
        ["uniform", {}],
        ["adaptive", { allocation: "adaptive", allocationGoal: "ranking" }],
        ["uniform again", {}],
      ] as const) {
        const id = await study(admin, `bench-${label.replace(" ", "-")}`, allocation);
        // Fresh statistics for every run, as autovacuum keeps them in a live database: a study's
        // tables filled a second ago would otherwise be planned as if empty (the capacity bench
        // does the same).
        await vacuumAnalyze(server.databaseUrl);
        step(`${label}: ${RATERS} raters × ${CLAIMS_EACH} claims, ${MODELS} models × ${PROMPTS} prompts…`);
        const { value, appMs, pgMs } = await cpuDuring(server.pid, postmaster, () => rate(callers, id));
        const { claims, unavailable } = value;
        // CPU per claim-and-submit (both requests): where an adaptive claim's extra cost goes.
        const perPair = (ms: number | null) => (ms === null ? "?" : (ms / claims.length).toFixed(1));
        const cpu = `${label} app ${perPair(appMs)} / PostgreSQL ${perPair(pgMs)} ms`;
        step(
          `  claim ${formatLatency(summarize(claims))}, ${unavailable} answered 503 first (load ${os.loadavg()[0]?.toFixed(1)}); CPU per claim and its submit: ${cpu}`,
        );
        runs.push({ label, claims, unavailable, cpu });
      }
      const p95 = (label: string) => summarize(runs.find((r) => r.label === label)?.claims ?? []).p95;
      // The adaptive run sits between the two uniform runs: their mean cancels a steady drift of
      // the loaded machine's speed.
      const uniform = (p95("uniform") + p95("uniform again")) / 2;
      const ratio = p95("adaptive") / uniform;
      return [
        {
          name: ADAPTIVE_CLAIM_ROW,
          target: "adaptive p95 ≤ 1.5 × uniform p95 (same run)",
          result: {
            value: Number(ratio.toFixed(2)),
            unit: "× uniform",
            pass: ratio <= 1.5,
            display: `×${ratio.toFixed(2)}: adaptive p95 ${p95("adaptive").toFixed(0)} ms; uniform p95 ${p95("uniform").toFixed(0)} ms, then ${p95("uniform again").toFixed(0)} ms (their mean is the reference)`,
            notes: `503s met and retried, claims and submits (uniform, adaptive, uniform again): ${runs.map((r) => r.unavailable).join(", ")}; ${RATERS} raters claiming and submitting with no pause, ${CLAIMS_EACH} claims each per study, ${MODELS} models × ${PROMPTS} prompts (all pairs), each run on a fresh study after VACUUM ANALYZE; CPU per claim and its submit (the app's processes / PostgreSQL): ${runs.map((r) => r.cpu).join("; ")}; ${server.workers} next start process(es)`,
          },
        },
      ];
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
