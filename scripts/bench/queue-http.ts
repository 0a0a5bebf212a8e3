// Claim and submit over HTTP: every reviewer loops claim → submit with no think time until the
// queue has nothing left for them, so all of them are in flight at once the whole run.
import { randomUUID } from "node:crypto";
import { call, type TCaller } from "./api-client";

type TTask = { assignmentId: string; output: string; flags: { key: string }[] };

/** A deterministic mix of verdicts: mostly accepted, some revised with a correction, a few rejected. */
function reviewFor(task: TTask, n: number): Record<string, unknown> {
  const flag = task.flags[n % task.flags.length]?.key;
  if (n % 20 === 0) return { verdict: "reject", flags: flag ? [flag] : [], rationale: "Unsafe advice for this patient group.", durationMs: 45_000 };
  if (n % 7 === 0) return { verdict: "revise", flags: flag ? [flag] : [], correctedOutput: `${task.output}\nSeek urgent care if symptoms worsen.`, durationMs: 90_000 };
  return { verdict: "accept", flags: [], durationMs: 30_000 };
}

export async function runReviewers(callers: TCaller[], campaignId: string): Promise<{ claims: number[]; submits: number[] }> {
  const claims: number[] = [];
  const submits: number[] = [];
  await Promise.all(
    callers.map(async (c, who) => {
      for (let n = who; ; n += callers.length) {
        let t = performance.now();
        const claimed = await call(c, "POST", `/api/v1/audits/${campaignId}/items/next`);
        const text = await claimed.text();
        claims.push(performance.now() - t);
        if (claimed.status === 204) return;
        if (claimed.status !== 200) throw new Error(`claim answered ${claimed.status}: ${text.slice(0, 300)}`);
        const task = JSON.parse(text) as TTask;
        t = performance.now();
        const submitted = await call(c, "POST", `/api/v1/assignments/${task.assignmentId}/review`, reviewFor(task, n), { "idempotency-key": randomUUID() });
        const answer = await submitted.text();
        submits.push(performance.now() - t);
        if (submitted.status !== 201) throw new Error(`submit answered ${submitted.status}: ${answer.slice(0, 300)}`);
      }
    }),
  );
  return { claims, submits };
}
