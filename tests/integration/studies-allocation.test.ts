import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { exportManifestRoute } from "@/lib/exports/export-routes";
import type { TManifest } from "@/lib/exports/manifest";
import { parseCsv } from "@/lib/csv/csv";
import { allocationLogRoute } from "@/lib/studies/allocation-log-route";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { createStudyRoute, studyAllocationRoute } from "@/lib/studies/study-routes";
import { studyGuidelineRoutes } from "@/lib/guidelines/guideline-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { apiCaller } from "../support/api-caller";

// Statements counted on pg's Client, below Prisma (as queue-round-trips.test.ts does), installed
// when the file loads, before the app's pools make any connection (a client made earlier may not
// see a later patch).
type TQuery = (...args: unknown[]) => unknown;
const clientProto = pg.Client.prototype as unknown as { query: TQuery };
const originalQuery = clientProto.query;
let sent: string[] | null = null;
clientProto.query = function counted(this: unknown, ...args: unknown[]): unknown {
  const q = args[0];
  const text = typeof q === "string" ? q : (q as { text?: unknown } | null)?.text;
  sent?.push(typeof text === "string" ? text : "");
  return originalQuery.apply(this, args);
};
afterAll(() => {
  clientProto.query = originalQuery;
});
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;
type TProblem = { type: string; errors?: Record<string, string[]> };

async function draftStudy(admin: TCaller, over: Record<string, unknown> = {}) {
  const res = await admin.call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: {
      name: "Allocation",
      criteria: ["Quality"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      ...over,
    },
  });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: string };
  const rows = ["alpha-m", "bravo-m", "charlie-m"].flatMap((generator) =>
    Array.from({ length: 4 }, (_, i) => ({ instruction: `Case ${i}?`, output: `Reply ${i}.`, generator })),
  );
  const imported = await admin.call(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
    method: "POST",
    body: rows,
    params: { id },
  });
  expect(imported.status).toBe(200);
  return id;
}

describe("a study's allocation", () => {
  it("is set by admins before the start only (409 after), with field errors, per role", async () => {
    const admin = await apiCaller("ADMIN");
    const researcher = await apiCaller("RESEARCHER");
    const clinician = await apiCaller("CLINICIAN");
    const id = await draftStudy(admin);
    const put = (who: TCaller, body: unknown) =>
      who.call(studyAllocationRoute, `/api/v1/studies/${id}/allocation`, {
        method: "PUT",
        body,
        params: { id },
      });

    expect((await put(researcher, { allocation: "uniform" })).status).toBe(403);
    expect((await put(clinician, { allocation: "uniform" })).status).toBe(403);
    const noGoal = await put(admin, { allocation: "adaptive" });
    expect(noGoal.status).toBe(422);
    expect(((await noGoal.json()) as TProblem).errors?.allocationGoal?.[0]).toMatch(/ranking or the ratings/);
    const set = await put(admin, { allocation: "adaptive", allocationGoal: "ratings" });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ allocation: "adaptive", allocationGoal: "ratings" });
    // Uniform drops the goal (the database's CHECK would refuse a uniform study with one).
    expect(await (await put(admin, { allocation: "uniform", allocationGoal: "ranking" })).json()).toEqual({
      allocation: "uniform",
      allocationGoal: null,
    });
    expect(
      await put(admin, { allocation: "adaptive", allocationGoal: "ratings" }).then((r) => r.status),
    ).toBe(200);
    expect(await db().auditLog.count({ where: { action: "study.set_allocation", entityId: id } })).toBe(3);

    const started = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(started.status).toBe(200);
    const late = await put(admin, { allocation: "uniform" });
    expect(late.status).toBe(409);
    expect(late.headers.get("content-type")).toContain("application/problem+json");
    expect(await db().study.findUniqueOrThrow({ where: { id } })).toMatchObject({
      allocation: "adaptive",
      allocationGoal: "ratings",
    });
  });

  it("logs each adaptive choice for researchers (allocation-log.csv, manifest says adaptive), never for raters", async () => {
    const admin = await apiCaller("ADMIN");
    const researcher = await apiCaller("RESEARCHER");
    const rater = await apiCaller("CLINICIAN");
    const id = await draftStudy(admin, { allocation: "adaptive", allocationGoal: "ranking" });
    await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } });
    for (let n = 0; n < 3; n++) {
      const res = await rater.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
        method: "POST",
        params: { id },
      });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { assignmentId: string };
      // Nothing of the choice travels to the rater.
      expect(JSON.stringify(view)).not.toMatch(/warm-up|alpha-m|bravo-m|charlie-m|allocation/);
      const done = await rater.call(
        assignmentSubmitRoute,
        `/api/v1/assignments/${view.assignmentId}/submit`,
        {
          method: "POST",
          body: { choices: { quality: "A" } },
          params: { id: view.assignmentId },
        },
      );
      expect(done.status).toBe(200);
    }
    const get = (who: TCaller) =>
      who.call(allocationLogRoute, `/api/v1/studies/${id}/allocation-log.csv`, { params: { id } });
    expect((await get(rater)).status).toBe(403);
    expect((await get(admin)).status).toBe(200);
    const res = await get(researcher);
    expect(res.status).toBe(200);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([
      "study",
      "assignment",
      "rater",
      "time",
      "rule",
      "model_a",
      "model_b",
      "pair_judgements",
      "target",
      "deficit",
    ]);
    expect(rows).toHaveLength(3);
    // Warm-up: the least judged pair each time, so three different pairs with nothing judged yet.
    expect(rows.map((r) => r[4])).toEqual(["warm-up", "warm-up", "warm-up"]);
    expect(new Set(rows.map((r) => `${r[5]}|${r[6]}`)).size).toBe(3);
    expect(rows.map((r) => r[7])).toEqual(["0", "0", "0"]);

    const exportId = res.headers.get("x-export-id") ?? "";
    const manifest = (await (
      await researcher.call(exportManifestRoute, `/api/v1/exports/${exportId}`, { params: { id: exportId } })
    ).json()) as TManifest;
    expect(manifest.source.configuration).toMatchObject({
      allocation: "adaptive",
      allocationGoal: "ranking",
    });
    expect(manifest.export.rows).toBe(3);
  });
});

describe("the adaptive claim's cost", () => {
  it("is the uniform claim plus one read (open items and pair counts together), then one claim statement that also logs", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const uniformId = await draftStudy(admin);
    const adaptiveId = await draftStudy(admin, { allocation: "adaptive", allocationGoal: "ratings" });
    for (const id of [uniformId, adaptiveId])
      await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } });
    const statementsOfClaim = async (id: string) => {
      // Warm: the first claim of each study (pool connections, the guidelines gate) is not counted.
      const claim = () =>
        rater.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
          method: "POST",
          params: { id },
        });
      const first = (await (await claim()).json()) as { assignmentId: string };
      await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${first.assignmentId}/submit`, {
        method: "POST",
        body: { choices: { quality: "B" } },
        params: { id: first.assignmentId },
      });
      const these: string[] = [];
      sent = these;
      expect((await claim()).status).toBe(200);
      sent = null;
      return these;
    };
    const uniform = await statementsOfClaim(uniformId);
    const adaptive = await statementsOfClaim(adaptiveId);
    // Both carry the guidelines gate inside their claim statement (…_under stamps its version).
    expect(uniform.filter((q) => q.includes("queue_claim_under("))).toHaveLength(1);
    expect(adaptive.filter((q) => q.includes("queue_claim"))).toHaveLength(0);
    expect(adaptive.filter((q) => q.includes("study_claim_item_under("))).toHaveLength(1);
    expect(adaptive.filter((q) => q.includes('"GuidelineAck"'))).toHaveLength(1);
    expect(adaptive.filter((q) => q.includes('INSERT INTO "StudyAllocationChoice"'))).toHaveLength(1);
    expect(
      // The per-pair read (lib/studies/adaptive-claim-read.ts): open items and tallies together.
      adaptive.filter((q) => q.includes('"StudyPair"') && q.includes('"StudyPairTally"')),
    ).toHaveLength(1);
    expect(adaptive.length - uniform.length).toBe(1);
  });

  it("refuses until the study's guidelines are acknowledged, then records the version in force at the claim", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const id = await draftStudy(admin, { allocation: "adaptive", allocationGoal: "ranking" });
    const base = `/api/v1/studies/${id}/guidelines`;
    const save = (text: string) =>
      admin.call(studyGuidelineRoutes.save, base, {
        method: "PUT",
        params: { id },
        body: { guidelines: text, definitions: {} },
      });
    const ack = (version: number) =>
      rater.call(studyGuidelineRoutes.acknowledge, `${base}/acknowledgements`, {
        method: "POST",
        params: { id },
        body: { version },
      });
    const claim = () =>
      rater.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
        method: "POST",
        params: { id },
      });
    expect((await save("Prefer the safer answer.")).status).toBe(200);
    await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } });

    const refused = await claim();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { type: string }).type).toBe("/problems/guidelines-not-acknowledged");
    expect(await db().queueAssignment.count({ where: { queueId: id } })).toBe(0);

    expect((await ack(1)).status).toBeLessThan(300);
    const first = (await (await claim()).json()) as { assignmentId: string };
    // A new version while the rater works: the answer keeps the version it was claimed under.
    expect((await save("Prefer the safer answer; ties are allowed.")).status).toBe(200);
    const row = await db().queueAssignment.findUniqueOrThrow({ where: { id: first.assignmentId } });
    expect(row.guidelineVersion).toBe(1);
    expect(await db().studyAllocationChoice.count({ where: { assignmentId: first.assignmentId } })).toBe(1);
  });
});
