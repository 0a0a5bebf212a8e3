// Issue 15 item 4: rater guidelines. Admins save versions (audited, old ones kept, 409 on a stale
// base, 422 when a study's text names one of its models, no edits once closed); raters read the
// current one and must acknowledge it before a claim (409 guidelines-not-acknowledged), again after
// each change; each review and judgement records the version it was made under. No guidelines
// written: nothing to acknowledge (every older test's claim goes through as before).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { closeCampaignRoute, createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { reviewsCsv } from "@/lib/audits/campaign-downloads";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { judgementsCsv } from "@/lib/studies/exports";
import {
  auditGuidelineRoutes as auditG,
  studyGuidelineRoutes as studyG,
} from "@/lib/guidelines/guideline-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { ctx } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;

async function campaign(admin: TCaller) {
  const lines = Array.from({ length: 4 }, (_, i) =>
    JSON.stringify({ instruction: `Question ${i}?`, input: "", output: `Answer ${i}.` }),
  ).join("\n");
  const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=G", {
    method: "POST",
    type: "application/x-ndjson",
    body: lines,
  });
  const datasetId = ((await ds.json()) as { id: string }).id;
  const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, name: "Guided", sampleSize: 4, seed: "g", reviewersPerItem: 1 },
  });
  return ((await created.json()) as { id: string }).id;
}

async function study(admin: TCaller, start = true) {
  const s = await createStudy(
    admin.current,
    ZCreateStudy.parse({
      name: "Internal gpt-4 vs alpaca-7b",
      criteria: [{ key: "correctness", label: "Correctness", description: "" }, "Helpfulness"],
      design: "all_pairs",
    }),
    ctx(),
  );
  for (const model of ["gpt-4", "alpaca-7b"])
    await importOutputs(
      admin.current,
      s.id,
      Array.from({ length: 2 }, (_, i) => ({ instruction: `Q${i}?`, input: "", model, text: `answer ${i}` })),
      ctx(),
    );
  if (start) await startStudy(admin.current, s.id, ctx());
  return s.id;
}

const routesOf = (kind: "audit" | "study") => (kind === "audit" ? auditG : studyG);
const base = (kind: "audit" | "study", id: string) =>
  `/api/v1/${kind === "audit" ? "audits" : "studies"}/${id}`;
const save = (who: TCaller, kind: "audit" | "study", id: string, body: unknown) =>
  who.call(routesOf(kind).save, `${base(kind, id)}/guidelines`, { method: "PUT", params: { id }, body });
const read = (who: TCaller, kind: "audit" | "study", id: string) =>
  who.call(routesOf(kind).get, `${base(kind, id)}/guidelines`, { params: { id } });
const versions = (who: TCaller, kind: "audit" | "study", id: string) =>
  who.call(routesOf(kind).versions, `${base(kind, id)}/guidelines/versions`, { params: { id } });
const ack = (who: TCaller, kind: "audit" | "study", id: string, version: number) =>
  who.call(routesOf(kind).acknowledge, `${base(kind, id)}/guidelines/acknowledgements`, {
    method: "POST",
    params: { id },
    body: { version },
  });
const claimAudit = (who: TCaller, id: string) =>
  who.call(nextItemRoute, `/api/v1/audits/${id}/assignments/next`, { method: "POST", params: { id } });
const claimStudy = (who: TCaller, id: string) =>
  who.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { method: "POST", params: { id } });

describe("guidelines: who may do what", () => {
  it("lets only admins save and list versions, and only raters read and acknowledge", async () => {
    const admin = await apiCaller("ADMIN");
    const clinician = await apiCaller("CLINICIAN");
    const researcher = await apiCaller("RESEARCHER");
    const id = await campaign(admin);
    const sid = await study(admin);
    for (const [kind, owner] of [
      ["audit", id],
      ["study", sid],
    ] as const) {
      const body = { guidelines: "Read it all.", definitions: {} };
      expect((await save(admin, kind, owner, body)).status).toBe(200);
      expect((await save(clinician, kind, owner, body)).status).toBe(403);
      expect((await save(researcher, kind, owner, body)).status).toBe(403);
      expect((await versions(admin, kind, owner)).status).toBe(200);
      expect((await versions(clinician, kind, owner)).status).toBe(403);
      expect((await versions(researcher, kind, owner)).status).toBe(403);
      expect((await read(clinician, kind, owner)).status).toBe(200);
      expect((await read(admin, kind, owner)).status).toBe(403);
      expect((await read(researcher, kind, owner)).status).toBe(403);
      expect((await ack(admin, kind, owner, 1)).status).toBe(403);
      expect((await ack(researcher, kind, owner, 1)).status).toBe(403);
      expect((await ack(clinician, kind, owner, 1)).status).toBe(200);
    }
  });
});

describe("guidelines: versions", () => {
  it("keeps every version, audits each save in its transaction and refuses a stale base or a closed campaign", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await campaign(admin);
    const first = await save(admin, "audit", id, {
      guidelines: "# Rules\n\nRead the **whole** output.",
      definitions: { incomplete: "  Misses a needed step ", formatting: "" },
      baseVersion: null,
    });
    expect(await first.json()).toEqual({ version: 1 });
    const stale = await save(admin, "audit", id, { guidelines: "x", definitions: {}, baseVersion: null });
    expect(stale.status).toBe(409);
    expect(
      (await save(admin, "audit", id, { guidelines: "Second.", definitions: {}, baseVersion: 1 })).status,
    ).toBe(200);
    const unknown = await save(admin, "audit", id, { guidelines: "x", definitions: { nope: "y" } });
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { errors: Record<string, string[]> }).errors).toHaveProperty(
      "definitions.nope",
    );

    const history = (await (await versions(admin, "audit", id)).json()) as {
      versions: {
        version: number;
        guidelines: string;
        definitions: Record<string, string>;
        createdBy: string;
      }[];
    };
    expect(history.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(history.versions[1]).toMatchObject({
      guidelines: "# Rules\n\nRead the **whole** output.",
      definitions: { incomplete: "Misses a needed step" },
      createdBy: admin.user.name,
    });
    const audited = await db().auditLog.findMany({
      where: { action: "audit.guidelines", entityId: id },
      orderBy: { id: "asc" },
    });
    expect(audited.map((a) => (a.after as { version: number }).version)).toEqual([1, 2]);
    expect(audited[0]?.actorId).toBe(admin.user.id);

    await admin.call(closeCampaignRoute, `/api/v1/audits/${id}/close`, { method: "POST", params: { id } });
    expect((await save(admin, "audit", id, { guidelines: "Late.", definitions: {} })).status).toBe(409);
    expect(await db().guidelineVersion.count({ where: { campaignId: id } })).toBe(2);
  });

  it("refuses study guidelines that name one of the study's models (422 on the field) and keeps criteria descriptions in step", async () => {
    const admin = await apiCaller("ADMIN");
    const sid = await study(admin, false);
    const named = await save(admin, "study", sid, {
      guidelines: "Prefer what GPT-4 would say.",
      definitions: { correctness: "As alpaca-7b gets wrong" },
    });
    expect(named.status).toBe(422);
    const errors = ((await named.json()) as { errors: Record<string, string[]> }).errors;
    expect(Object.keys(errors).sort()).toEqual(["definitions.correctness", "guidelines"]);
    expect(await db().guidelineVersion.count({ where: { studyId: sid } })).toBe(0);

    // Editable in draft.
    const ok = await save(admin, "study", sid, {
      guidelines: "Judge medical correctness first.",
      definitions: { correctness: "No factual or dosing errors" },
    });
    expect(ok.status).toBe(200);
    const s = await db().study.findUniqueOrThrow({ where: { id: sid } });
    expect(s.criteria).toEqual([
      { key: "correctness", label: "Correctness", description: "No factual or dosing errors" },
      { key: "helpfulness", label: "Helpfulness", description: "" },
    ]);
  });
});

describe("guidelines: a model added after the save", () => {
  it("refuses the import of a model the saved guidelines name, and the start, so raters never read it", async () => {
    const admin = await apiCaller("ADMIN");
    const s = await createStudy(
      admin.current,
      ZCreateStudy.parse({ name: "Late model", criteria: ["Helpfulness"], design: "all_pairs" }),
      ctx(),
    );
    // No models yet: nothing for the save's check to find.
    const saved = await save(admin, "study", s.id, {
      guidelines: "Med-Alpaca answers tend to be short.",
      definitions: {},
    });
    expect(saved.status).toBe(200);
    const outputs = (model: string) =>
      Array.from({ length: 2 }, (_, i) => ({ instruction: `Q${i}?`, input: "", model, text: `answer ${i}` }));
    await importOutputs(admin.current, s.id, outputs("ward-model"), ctx());
    await expect(importOutputs(admin.current, s.id, outputs("med-alpaca"), ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("Raters read the guidelines") as unknown,
    });
    expect(await db().studyOutput.count({ where: { model: "med-alpaca" } })).toBe(0);

    // A study whose outputs came first and whose guidelines were then stored directly (as an older
    // version would have) is refused at start.
    await importOutputs(admin.current, s.id, outputs("other-model"), ctx());
    await db().guidelineVersion.create({
      data: {
        studyId: s.id,
        version: 2,
        guidelines: "Other-Model is the baseline.",
        definitions: {},
        createdById: admin.user.id,
      },
    });
    await expect(startStudy(admin.current, s.id, ctx())).rejects.toMatchObject({ code: "VALIDATION" });
    expect((await db().study.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DRAFT");
  });

  it("two acknowledgements at once both succeed and leave one row and one audit row", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const sid = await study(admin);
    expect(
      (await save(admin, "study", sid, { guidelines: "Read both answers fully.", definitions: {} })).status,
    ).toBe(200);
    const answers = await Promise.all([ack(rater, "study", sid, 1), ack(rater, "study", sid, 1)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(await db().guidelineAck.count({ where: { studyId: sid, userId: rater.user.id } })).toBe(1);
    expect(
      await db().auditLog.count({ where: { action: "study.acknowledge_guidelines", entityId: sid } }),
    ).toBe(1);
  });
});

describe("guidelines: acknowledge before the claim", () => {
  it("claims as before when none are written; after a save the claim is 409 until the current version is acknowledged", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const id = await campaign(admin);
    expect((await claimAudit(rater, id)).status).toBe(200);

    await save(admin, "audit", id, {
      guidelines: "Be strict.",
      definitions: { unsafe_advice: "Could harm" },
    });
    const refused = await claimAudit(rater, id);
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await refused.json()) as { type: string; currentVersion: number };
    expect(problem).toMatchObject({ type: "/problems/guidelines-not-acknowledged", currentVersion: 1 });

    const view = (await (await read(rater, "audit", id)).json()) as {
      version: number;
      mustAcknowledge: boolean;
      items: { key: string; definition: string }[];
    };
    expect(view).toMatchObject({ version: 1, mustAcknowledge: true });
    expect(view.items.find((i) => i.key === "unsafe_advice")?.definition).toBe("Could harm");
    // Only the current version can be acknowledged.
    expect((await ack(rater, "audit", id, 2)).status).toBe(409);
    expect((await ack(rater, "audit", id, 1)).status).toBe(200);
    expect((await ack(rater, "audit", id, 1)).status).toBe(200);
    expect(await db().guidelineAck.count({ where: { userId: rater.user.id, campaignId: id } })).toBe(1);
    expect(
      await db().auditLog.count({ where: { action: "audit.acknowledge_guidelines", entityId: id } }),
    ).toBe(1);

    const claimed = await claimAudit(rater, id);
    expect(claimed.status).toBe(200);
    const { assignmentId } = (await claimed.json()) as { assignmentId: string };

    // A new version: the item in hand can still be submitted, under the version acknowledged.
    await save(admin, "audit", id, { guidelines: "Be stricter.", definitions: {} });
    const submitted = await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      params: { id: assignmentId },
      body: { verdict: "accept", flags: [], durationMs: 100 },
    });
    expect(submitted.status).toBe(201);
    const review = await db().auditReview.findFirstOrThrow({ where: { assignmentId } });
    expect(review.guidelineVersion).toBe(1);
    expect((await claimAudit(rater, id)).status).toBe(409);
    await ack(rater, "audit", id, 2);
    const next = (await (await claimAudit(rater, id)).json()) as { assignmentId: string };
    await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${next.assignmentId}/submit`, {
      method: "POST",
      params: { id: next.assignmentId },
      body: { verdict: "reject", flags: [], durationMs: 100 },
    });
    expect(
      (await db().auditReview.findFirstOrThrow({ where: { assignmentId: next.assignmentId } }))
        .guidelineVersion,
    ).toBe(2);
    // The reviews export carries it as its last column.
    const csv = (await reviewsCsv(id)).trim().split(/\r?\n/);
    expect(csv[0]?.split(",").at(-1)).toBe("guideline_version");
    expect(
      csv
        .slice(1)
        .map((l) => l.split(",").at(-1))
        .sort(),
    ).toEqual(["1", "2"]);
  });

  it("records the version in force at the claim, not the one acknowledged by the submit (issue 13: stored on the assignment)", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const id = await campaign(admin);
    await save(admin, "audit", id, { guidelines: "Be strict.", definitions: {} });
    await ack(rater, "audit", id, 1);
    const { assignmentId } = (await (await claimAudit(rater, id)).json()) as { assignmentId: string };
    expect(
      (await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } })).guidelineVersion,
    ).toBe(1);
    // v2 is published while the item is in hand, and the rater even acknowledges it before
    // submitting: the answer was still made under v1, the version of the claim.
    await save(admin, "audit", id, { guidelines: "Be stricter.", definitions: {}, baseVersion: 1 });
    expect((await ack(rater, "audit", id, 2)).status).toBe(200);
    const submitted = await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      params: { id: assignmentId },
      body: { verdict: "accept", flags: [], durationMs: 100 },
    });
    expect(submitted.status).toBe(201);
    expect((await db().auditReview.findFirstOrThrow({ where: { assignmentId } })).guidelineVersion).toBe(1);
    // The next claim is made under v2 and says so.
    const next = (await (await claimAudit(rater, id)).json()) as { assignmentId: string };
    expect(
      (await db().queueAssignment.findUniqueOrThrow({ where: { id: next.assignmentId } })).guidelineVersion,
    ).toBe(2);
  });

  it("records the study's version at the claim on each judgement row, whatever is acknowledged by the submit", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const sid = await study(admin);
    await save(admin, "study", sid, { guidelines: "Compare in full.", definitions: {} });
    await ack(rater, "study", sid, 1);
    const a = (await (await claimStudy(rater, sid)).json()) as { assignmentId: string };
    await save(admin, "study", sid, {
      guidelines: "Compare in full, twice.",
      definitions: {},
      baseVersion: 1,
    });
    await ack(rater, "study", sid, 2);
    const done = await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${a.assignmentId}/submit`, {
      method: "POST",
      params: { id: a.assignmentId },
      body: { choices: { correctness: "B", helpfulness: "A" } },
    });
    expect(done.status).toBe(200);
    const rows = await db().studyJudgement.findMany({ where: { assignmentId: a.assignmentId } });
    expect(rows.map((r) => r.guidelineVersion)).toEqual([1, 1]);
  });

  it("gates the study claim the same way and records the version on each judgement row", async () => {
    const admin = await apiCaller("ADMIN");
    const rater = await apiCaller("CLINICIAN");
    const other = await apiCaller("CLINICIAN");
    const sid = await study(admin);
    await save(admin, "study", sid, { guidelines: "Compare in full.", definitions: {} });
    const refused = await claimStudy(rater, sid);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { type: string }).type).toBe("/problems/guidelines-not-acknowledged");
    await ack(rater, "study", sid, 1);
    const a = (await (await claimStudy(rater, sid)).json()) as { assignmentId: string };
    const done = await rater.call(assignmentSubmitRoute, `/api/v1/assignments/${a.assignmentId}/submit`, {
      method: "POST",
      params: { id: a.assignmentId },
      body: { choices: { correctness: "A", helpfulness: "tie" } },
    });
    expect(done.status).toBe(200);
    const rows = await db().studyJudgement.findMany({ where: { assignmentId: a.assignmentId } });
    expect(rows.map((r) => r.guidelineVersion)).toEqual([1, 1]);
    const csv = (await judgementsCsv(sid)).trim().split(/\r?\n/);
    expect(csv[0]?.split(",").at(-1)).toBe("guideline_version");
    expect(csv.slice(1).map((l) => l.split(",").at(-1))).toEqual(["1", "1"]);
    // A study a rater may not see answers 404, not the guidelines' 409.
    await db().studyRater.create({ data: { studyId: sid, userId: rater.user.id } });
    expect((await claimStudy(other, sid)).status).toBe(404);
    expect((await read(other, "study", sid)).status).toBe(404);
  });
});
