// Round trips to PostgreSQL per claim and per submit (issue 13, capacity): under saturation the
// app server's CPU is the limit, and its cost follows the number of statements it sends. Counted
// on pg's Client, below Prisma, so BEGIN and COMMIT count too.
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { processTokenCache } from "@/lib/auth/token-cache-process";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { studyGuidelineRoutes } from "@/lib/guidelines/guideline-routes";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { apiCaller } from "../support/api-caller";
import { ctx } from "../support/factories";
import { resetDatabase } from "../support/db";

type TQuery = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: TQuery };
const original = proto.query;
let sent: string[] = [];

beforeEach(async () => {
  await resetDatabase();
  proto.query = function counted(this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    const text = typeof first === "string" ? first : (first as { text?: unknown } | null)?.text;
    sent.push(typeof text === "string" ? text : "");
    return original.apply(this, args);
  };
});
afterEach(() => {
  proto.query = original;
});
afterAll(async () => {
  await db().$disconnect();
});

/** Statements that read the guidelines without claiming: the gate run apart from the claim. */
const gateStatements = (sent: string[]) =>
  sent.filter((text) => text.includes('"GuidelineVersion"') && !text.includes("queue_claim"));

/** The statements `fn` sent (pool connections are reused, so no connect-time statements once warm). */
async function statementsOf(fn: () => Promise<unknown>): Promise<string[]> {
  sent = [];
  await fn();
  return sent;
}

describe("round trips per queue request", () => {
  it("a warm claim is 1 statement (the guidelines gate, status, claim and view in one; the token from the token cache: 2 with the token read, 4 before that) and a submit with an Idempotency-Key 7 (8 with the token read; 10 before its transaction moved to pg, with the review's revision look-up, insert and link in one statement)", async () => {
    const admin = await apiCaller("ADMIN");
    const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=Q", {
      method: "POST",
      body: `${JSON.stringify({ instruction: "Q?", input: "", output: "A." })}\n${JSON.stringify({ instruction: "Q2?", input: "", output: "B." })}`,
      type: "application/x-ndjson",
    });
    const datasetId = ((await ds.json()) as { id: string }).id;
    const c = await admin.call(createCampaignRoute, "/api/v1/audits", {
      method: "POST",
      body: { datasetId, name: "Trips", sampleFraction: 1, seed: 1, reviewersPerItem: 1 },
    });
    const campaignId = ((await c.json()) as { id: string }).id;
    const me = await apiCaller("CLINICIAN");
    const claimOnce = () =>
      me.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
        method: "POST",
        params: { id: campaignId },
      });
    // Warm: the token's lastUsedAt touch and the boot check happen once, not per request.
    const first = await claimOnce();
    expect(first.status).toBe(200);
    // The token cache is used only once its LISTEN connection listens (started by the first request).
    expect(await processTokenCache()?.whenListening()).toBe(true);
    const { assignmentId } = (await first.json()) as { assignmentId: string };
    const submit = (key: string) =>
      me.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
        method: "POST",
        body: { verdict: "accept", flags: [] },
        params: { id: assignmentId },
        headers: { "idempotency-key": key },
      });
    let answer: Response | null = null;
    const submitted = await statementsOf(async () => {
      answer = await submit("trips-submit-1");
    });
    expect((answer as Response | null)?.status).toBe(201);
    const claimed = await statementsOf(async () => {
      answer = await claimOnce();
    });
    expect((answer as Response | null)?.status).toBe(200);
    console.log(
      `[round-trips] claim ${claimed.length}: ${claimed.map((s) => s.slice(0, 60).replace(/\s+/g, " ")).join(" | ")}`,
    );
    console.log(
      `[round-trips] submit ${submitted.length}: ${submitted.map((s) => s.slice(0, 60).replace(/\s+/g, " ")).join(" | ")}`,
    );
    // The token came from the process's token cache (lib/auth/token-cache-process.ts), filled by
    // the submit: the claim is its own statement only. Uncached (AUTH_TOKEN_CACHE=0) it is 2.
    expect(claimed).toHaveLength(1);
    expect(claimed[0]).toContain("queue_claim");
    // The guidelines gate is inside the claim's statement, never a statement of its own.
    expect(gateStatements(claimed)).toEqual([]);
    expect(submitted.length).toBeLessThanOrEqual(7);
    // A replay is the key's look-up and nothing else (the token cached; 3 with the token read).
    const replayed = await statementsOf(() => submit("trips-submit-1"));
    console.log(`[round-trips] replay ${replayed.length}`);
    expect(replayed.length).toBeLessThanOrEqual(2);
  });

  it("the one-statement claim hands out nothing from a paused or closed campaign", async () => {
    const admin = await apiCaller("ADMIN");
    const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=Q", {
      method: "POST",
      body: JSON.stringify({ instruction: "Q?", input: "", output: "A." }),
      type: "application/x-ndjson",
    });
    const datasetId = ((await ds.json()) as { id: string }).id;
    const c = await admin.call(createCampaignRoute, "/api/v1/audits", {
      method: "POST",
      body: { datasetId, name: "Gate", sampleFraction: 1, seed: 1, reviewersPerItem: 1 },
    });
    const campaignId = ((await c.json()) as { id: string }).id;
    const me = await apiCaller("CLINICIAN");
    const claim = () =>
      me.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
        method: "POST",
        params: { id: campaignId },
      });
    for (const status of ["PAUSED", "CLOSED"] as const) {
      await db().auditCampaign.update({ where: { id: campaignId }, data: { status } });
      const refused = await claim();
      expect(refused.status).toBe(409);
      expect(await db().queueAssignment.count({ where: { queueId: campaignId } })).toBe(0);
      expect(
        await db().queueItem.aggregate({ where: { queueId: campaignId }, _sum: { claimedSlots: true } }),
      ).toMatchObject({ _sum: { claimedSlots: 0 } });
    }
    await db().auditCampaign.update({ where: { id: campaignId }, data: { status: "ACTIVE" } });
    const claimed = await claim();
    expect(claimed.status).toBe(200);
    const view = (await claimed.json()) as { leaseExpiresAt: string };
    // The lease time came through the JSON with its zone: about the campaign's 30 minutes from now.
    expect(Math.abs(new Date(view.leaseExpiresAt).getTime() - Date.now() - 30 * 60_000)).toBeLessThan(60_000);
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await me.call(nextItemRoute, `/api/v1/audits/${unknown}/assignments/next`, {
          method: "POST",
          params: { id: unknown },
        })
      ).status,
    ).toBe(404);
  });

  it("a study claim checks its guidelines inside the claim's statement too (no statement of its own)", async () => {
    const admin = await apiCaller("ADMIN");
    const s = await createStudy(
      admin.current,
      ZCreateStudy.parse({ name: "Trips", criteria: ["Correctness"], design: "all_pairs" }),
      ctx(),
    );
    for (const model of ["m-one", "m-two"])
      await importOutputs(
        admin.current,
        s.id,
        Array.from({ length: 3 }, (_, i) => ({
          instruction: `Q${i}?`,
          input: "",
          model,
          text: `answer ${i}`,
        })),
        ctx(),
      );
    await startStudy(admin.current, s.id, ctx());
    const routes = studyGuidelineRoutes;
    const base = `/api/v1/studies/${s.id}/guidelines`;
    await admin.call(routes.save, base, {
      method: "PUT",
      params: { id: s.id },
      body: { guidelines: "Compare both.", definitions: {} },
    });
    const me = await apiCaller("CLINICIAN");
    await me.call(routes.acknowledge, `${base}/acknowledgements`, {
      method: "POST",
      params: { id: s.id },
      body: { version: 1 },
    });
    const claimOnce = () =>
      me.call(nextAssignmentRoute, `/api/v1/studies/${s.id}/assignments/next`, {
        method: "POST",
        params: { id: s.id },
      });
    expect((await claimOnce()).status).toBe(200); // warm
    let answer: Response | null = null;
    const claimed = await statementsOf(async () => {
      answer = await claimOnce();
    });
    expect((answer as Response | null)?.status).toBe(200);
    console.log(
      `[round-trips] study claim ${claimed.length}: ${claimed.map((t) => t.slice(0, 60).replace(/\s+/g, " ")).join(" | ")}`,
    );
    expect(gateStatements(claimed)).toEqual([]);
    const claims = claimed.filter((t) => t.includes("queue_claim"));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toContain('"GuidelineVersion"');
  });
});
