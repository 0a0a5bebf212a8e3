// Claim and submit over HTTP: every reviewer loops claim → (read the item) → submit until the
// queue has nothing left for them. With no reading time all of them are in flight at once the
// whole run (saturation); with one, the run looks like people at work, who claim in bursts.
import { randomUUID } from "node:crypto";
import { rngFromMulberry32State } from "../../lib/random";
import { callLean, type TCaller } from "./api-client";

type TTask = { assignmentId: string; output: string; flags: { key: string }[] };

/** A deterministic mix of verdicts: mostly accepted, some revised with a correction, a few rejected. */
function reviewFor(task: TTask, n: number): Record<string, unknown> {
  const flag = task.flags[n % task.flags.length]?.key;
  if (n % 20 === 0)
    return {
      verdict: "reject",
      flags: flag ? [flag] : [],
      rationale: "Unsafe advice for this patient group.",
      durationMs: 45_000,
    };
  if (n % 7 === 0)
    return {
      verdict: "revise",
      flags: flag ? [flag] : [],
      correctedOutput: `${task.output}\nSeek urgent care if symptoms worsen.`,
      durationMs: 90_000,
    };
  return { verdict: "accept", flags: [], durationMs: 30_000 };
}

/** Deterministic reading times, uniform in [lo, hi] ms (the app's PRNG), so runs are comparable. */
export function readingTimes(lo: number, hi: number, seed = 7): () => number {
  const random = rngFromMulberry32State(seed);
  return () => lo + random.nextFloat() * (hi - lo);
}

/**
 * `readingMs` is each item's reading time; `arrivalMs` when each reviewer starts (people open the
 * queue at different moments; 0 for all is a burst of simultaneous first claims).
 */
export async function runReviewers(
  callers: TCaller[],
  campaignId: string,
  readingMs: () => number = () => 0,
  arrivalMs: () => number = () => 0,
): Promise<{ claims: number[]; submits: number[]; seconds: number }> {
  const claims: number[] = [];
  const submits: number[] = [];
  const started = performance.now();
  await Promise.all(
    callers.map(async (c, who) => {
      const arrival = arrivalMs();
      if (arrival > 0) await new Promise((r) => setTimeout(r, arrival));
      for (let n = who; ; n += callers.length) {
        let t = performance.now();
        const claimed = await callLean(c, "POST", `/api/v1/audits/${campaignId}/assignments/next`);
        claims.push(performance.now() - t);
        if (claimed.status === 204) return;
        if (claimed.status !== 200)
          throw new Error(`claim answered ${claimed.status}: ${claimed.text().slice(0, 300)}`);
        const task = JSON.parse(claimed.text()) as TTask;
        const pause = readingMs();
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
        t = performance.now();
        const submitted = await callLean(
          c,
          "POST",
          `/api/v1/assignments/${task.assignmentId}/submit`,
          reviewFor(task, n),
          { "idempotency-key": randomUUID() },
        );
        submits.push(performance.now() - t);
        if (submitted.status !== 201)
          throw new Error(`submit answered ${submitted.status}: ${submitted.text().slice(0, 300)}`);
      }
    }),
  );
  return { claims, submits, seconds: (performance.now() - started) / 1000 };
}
