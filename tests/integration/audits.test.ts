import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { browseRecordsRoute, importDatasetRoute } from "@/lib/datasets/dataset-routes";
import {
  closeCampaignRoute,
  createCampaignRoute,
  getCampaignRoute,
  pauseCampaignRoute,
  resumeCampaignRoute,
  updateFlagsRoute,
} from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentDraftRoute, assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import {
  adjudicateRoute,
  disagreementsRoute,
  exportRoute,
  reportRoute,
  reviewsCsvRoute,
} from "@/lib/audits/result-routes";
import { parseCsv } from "@/lib/csv/csv";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

type THandle = { handle: (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response> };
type TTask = {
  assignmentId: string;
  instruction: string;
  input: string;
  output: string;
  flags: { key: string }[];
  draft: unknown;
};

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function person(role: "ADMIN" | "CLINICIAN" | "RESEARCHER") {
  const user = await makeUser(role);
  return { user, token: (await insertApiToken(db(), user.id, "t", null)).token };
}
function call(
  route: THandle,
  token: string,
  method: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return route.handle(
    new Request(`http://app.test${url}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}

const TOPICS = ["cardiology", "oncology", "paediatrics"];
async function dataset(admin: string, n = 60) {
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      instruction: `Question ${i}?`,
      input: i % 2 ? `<b>ctx ${i}</b>` : "",
      output: `Answer ${i}.`,
      topic: TOPICS[i % 3],
    }),
  ).join("\n");
  const res = await importDatasetRoute.handle(
    new Request("http://app.test/api/v1/datasets?name=Gen", {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/x-ndjson" },
      body: lines,
    }),
  );
  return ((await res.json()) as { id: string }).id;
}
async function campaign(admin: string, body: Record<string, unknown>) {
  const res = await call(createCampaignRoute, admin, "POST", "/api/v1/audits", {}, body);
  return { res, id: res.status === 201 ? ((await res.json()) as { id: string }).id : "" };
}
const next = (token: string, id: string) =>
  call(nextItemRoute, token, "POST", `/api/v1/audits/${id}/assignments/next`, { id });
const review = (token: string, assignmentId: string, body: unknown, key?: string) =>
  call(
    assignmentSubmitRoute,
    token,
    "POST",
    `/api/v1/assignments/${assignmentId}/submit`,
    { id: assignmentId },
    body,
    key ? { "idempotency-key": key } : {},
  );

describe("campaigns", () => {
  it("draws a reproducible sample (simple or stratified), mixes in gold, and fills the queue", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin);
    const a = await campaign(admin, {
      datasetId,
      sampleSize: 9,
      seed: "s-1",
      gold: [{ recordOrdinal: 1, verdict: "reject" }],
    });
    expect(a.res.status).toBe(201);
    const b = await campaign(admin, {
      datasetId,
      sampleSize: 9,
      seed: "s-1",
      gold: [{ recordOrdinal: 1, verdict: "reject" }],
    });
    const c = await campaign(admin, {
      datasetId,
      sampleSize: 9,
      seed: "s-2",
      gold: [{ recordOrdinal: 1, verdict: "reject" }],
    });
    const recordsOf = async (id: string) =>
      (
        await db().auditItem.findMany({
          where: { campaignId: id, isGold: false },
          select: { recordId: true },
        })
      )
        .map((r) => r.recordId)
        .sort();
    expect(await recordsOf(a.id)).toEqual(await recordsOf(b.id));
    expect(await recordsOf(a.id)).not.toEqual(await recordsOf(c.id));
    const gold = await db().auditItem.findMany({
      where: { campaignId: a.id, isGold: true },
      include: { record: true },
    });
    expect(gold.map((g) => [g.record.ordinal, g.goldVerdict])).toEqual([[1, "reject"]]);
    expect(await db().queueItem.count({ where: { queueId: a.id, capacity: 2 } })).toBe(10);

    const s = await campaign(admin, { datasetId, sampleFraction: 0.25, strata: "topic", seed: 7 });
    const strata = await db().auditItem.groupBy({
      by: ["stratum"],
      where: { campaignId: s.id },
      _count: true,
    });
    expect(strata.map((x) => [x.stratum, x._count]).sort()).toEqual(TOPICS.map((t) => [t, 5]));

    const campaignJson = (await (
      await call(getCampaignRoute, admin, "GET", `/api/v1/audits/${a.id}`, { id: a.id })
    ).json()) as Record<string, unknown>;
    expect(campaignJson).toMatchObject({
      status: "ACTIVE",
      sampleSize: 9,
      reviewersPerItem: 2,
      seed: "s-1",
      progress: { items: 10, completedReviews: 0 },
    });
    expect((campaignJson.flags as unknown[]).length).toBe(7);
  });

  it("refuses bad settings and non-admins", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 10);
    expect((await campaign(admin, { datasetId, seed: "x" })).res.status).toBe(422);
    expect(
      (await campaign(admin, { datasetId, seed: "x", sampleSize: 3, sampleFraction: 0.5 })).res.status,
    ).toBe(422);
    expect((await campaign(admin, { datasetId, seed: "x", sampleSize: 3, strata: "nope" })).res.status).toBe(
      422,
    );
    expect(
      (
        await campaign(admin, {
          datasetId,
          seed: "x",
          sampleSize: 3,
          gold: [{ recordOrdinal: 999, verdict: "accept" }],
        })
      ).res.status,
    ).toBe(422);
    expect(
      (await campaign(admin, { datasetId: "00000000-0000-4000-8000-000000000000", seed: "x", sampleSize: 3 }))
        .res.status,
    ).toBe(404);
    // Text PostgreSQL cannot store is a field error, never a 500, wherever it is sent.
    const nul = await campaign(admin, { datasetId, seed: "x", sampleSize: 3, name: "Audit\u0000one" });
    expect(nul.res.status).toBe(422);
    expect(await nul.res.json()).toMatchObject({
      errors: { name: [expect.stringContaining("NUL") as string] },
    });
    expect(
      (
        await campaign(admin, {
          datasetId,
          seed: "x",
          sampleSize: 3,
          flags: [{ key: "a", label: "bad\uD800" }],
        })
      ).res.status,
    ).toBe(422);
    const badName = await importDatasetRoute.handle(
      new Request("http://app.test/api/v1/datasets?name=a%00b", {
        method: "POST",
        headers: { authorization: `Bearer ${admin}`, "content-type": "application/x-ndjson" },
        body: '{"instruction":"q"}',
      }),
    );
    expect(badName.status).toBe(400);
    expect(
      (
        await call(browseRecordsRoute, admin, "GET", `/api/v1/datasets/${datasetId}/records?q=a%00`, {
          id: datasetId,
        })
      ).status,
    ).toBe(400);
    expect(await db().dataset.count()).toBe(1);
    const { token: clinician } = await person("CLINICIAN");
    expect((await campaign(clinician, { datasetId, seed: "x", sampleSize: 3 })).res.status).toBe(403);
    expect(await db().auditCampaign.count()).toBe(0);
  });

  it("refuses drafts, reviews and adjudications with text PostgreSQL cannot store, changing nothing", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 5);
    const { id } = await campaign(admin, { datasetId, sampleSize: 1, seed: "x", reviewersPerItem: 1 });
    const alice = await person("CLINICIAN");
    const task = (await (await next(alice.token, id)).json()) as TTask;
    const draft = await call(
      assignmentDraftRoute,
      alice.token,
      "PUT",
      `/api/v1/assignments/${task.assignmentId}/draft`,
      { id: task.assignmentId },
      { rationale: "x\u0000" },
    );
    expect(draft.status).toBe(422);
    expect(await draft.json()).toMatchObject({
      errors: { rationale: [expect.stringContaining("NUL") as string] },
    });
    expect(
      (await review(alice.token, task.assignmentId, { verdict: "revise", correctedOutput: "fixed\u0000" }))
        .status,
    ).toBe(422);
    expect(
      (await db().queueAssignment.findUniqueOrThrow({ where: { id: task.assignmentId } })).draft,
    ).toBeNull();
    expect(await db().auditReview.count()).toBe(0);
  });
});

describe("reviewing and results", () => {
  it("two clinicians audit; one corrects; idempotent submit; disagreement adjudicated; report, CSV and export agree", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 30);
    const { id } = await campaign(admin, {
      datasetId,
      sampleSize: 4,
      seed: "e2e",
      gold: [{ recordOrdinal: 2, verdict: "reject" }],
    });
    const alice = await person("CLINICIAN");
    const bob = await person("CLINICIAN");

    // Alice accepts everything, with a flag on the first; retried submits carry the same key.
    const aliceSeen: string[] = [];
    for (;;) {
      const res = await next(alice.token, id);
      if (res.status === 204) break;
      const task = (await res.json()) as TTask & Record<string, unknown>;
      expect(Object.keys(task)).not.toContain("isGold");
      expect(JSON.stringify(task)).not.toMatch(/gold/i);
      aliceSeen.push(task.instruction);
      const body = {
        verdict: "accept",
        flags: aliceSeen.length === 1 ? ["formatting"] : [],
        durationMs: 1200,
      };
      const first = await review(alice.token, task.assignmentId, body, `k-${task.assignmentId}`);
      const again = await review(alice.token, task.assignmentId, body, `k-${task.assignmentId}`);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(await again.json()).toEqual(await first.json());
      // A retry measured later is the same review; another verdict under the same key is a client bug.
      expect(
        (
          await review(
            alice.token,
            task.assignmentId,
            { ...body, durationMs: 9000 },
            `k-${task.assignmentId}`,
          )
        ).status,
      ).toBe(201);
      const misused = await review(
        alice.token,
        task.assignmentId,
        { ...body, verdict: "reject" },
        `k-${task.assignmentId}`,
      );
      expect(misused.status).toBe(422);
      expect(((await misused.json()) as { detail: string }).detail).toContain("Idempotency-Key");
      expect((await review(alice.token, task.assignmentId, body, "bad key!")).status).toBe(400);
    }
    expect(aliceSeen).toHaveLength(5);
    expect(await db().auditReview.count()).toBe(5);

    // Bob: revises the first item he gets, rejects the second, accepts the rest.
    let corrected = "";
    let rejected = "";
    for (let k = 0; ; k++) {
      const res = await next(bob.token, id);
      if (res.status === 204) break;
      const task = (await res.json()) as TTask;
      if (k === 0) {
        await call(
          assignmentDraftRoute,
          bob.token,
          "PUT",
          `/api/v1/assignments/${task.assignmentId}/draft`,
          { id: task.assignmentId },
          { verdict: "revise", correctedOutput: "draft" },
        );
        const resumed = (await (await next(bob.token, id)).json()) as TTask;
        expect(resumed).toMatchObject({
          assignmentId: task.assignmentId,
          draft: { verdict: "revise", correctedOutput: "draft" },
        });
        corrected = task.instruction;
        expect(
          (
            await review(bob.token, task.assignmentId, {
              verdict: "revise",
              flags: ["incomplete"],
              correctedOutput: `${task.output} Seek care.`,
              rationale: "add safety net",
            })
          ).status,
        ).toBe(201);
      } else if (k === 1) {
        rejected = task.instruction;
        expect(
          (await review(bob.token, task.assignmentId, { verdict: "reject", flags: ["factual_error"] }))
            .status,
        ).toBe(201);
      } else {
        expect(
          (await review(bob.token, task.assignmentId, { verdict: "accept", flags: ["nope"] })).status,
        ).toBe(422);
        expect((await review(bob.token, task.assignmentId, { verdict: "accept" })).status).toBe(201);
      }
    }
    expect(await db().auditReview.count()).toBe(10);
    expect(await next(alice.token, id).then((r) => r.status)).toBe(204);

    const { token: researcher } = await person("RESEARCHER");
    type TRep = {
      progress: Record<string, number>;
      acceptance: { successes: number; n: number; lower: number; upper: number } | null;
      agreement: { verdict: { overlappingItems: number; percentAgreement: number } };
      reviewers: { reviewer: string; gold: { n: number } }[];
      disagreements: { itemId: string }[];
    };
    const report = async () =>
      (await (
        await call(reportRoute, researcher, "GET", `/api/v1/audits/${id}/report`, { id })
      ).json()) as TRep;
    const before = await report();
    const goldInstruction = "Question 1?";
    const goldDisputed = rejected === goldInstruction || corrected === goldInstruction;
    expect(before.progress.items).toBe(4);
    expect(before.progress.goldItems).toBe(1);
    const disputedSample = [corrected, rejected].filter((q) => q !== goldInstruction).length;
    expect(before.progress.disputed).toBe(disputedSample);
    expect(before.acceptance?.n).toBe(4 - disputedSample);
    expect(before.agreement.verdict.overlappingItems).toBe(5);
    expect(before.agreement.verdict.percentAgreement).toBeCloseTo(3 / 5, 10);
    expect(before.reviewers.map((r) => r.reviewer).sort()).toEqual(
      [alice.user.pseudonym, bob.user.pseudonym].sort(),
    );
    expect(before.reviewers.every((r) => r.gold.n === 1)).toBe(true);
    expect(before.disagreements).toHaveLength(disputedSample + (goldDisputed ? 1 : 0));

    // The admin adjudicates the correction into the export.
    const list = (await (
      await call(disagreementsRoute, admin, "GET", `/api/v1/audits/${id}/disagreements`, { id })
    ).json()) as {
      items: {
        itemId: string;
        instruction: string;
        output: string;
        reviews: { correctedOutput: string | null }[];
      }[];
    };
    const revised = list.items.find((it) => it.instruction === corrected);
    if (revised) {
      const fix = revised.reviews.find((r) => r.correctedOutput)?.correctedOutput ?? "";
      expect(
        (
          await call(
            adjudicateRoute,
            admin,
            "POST",
            `/api/v1/audits/${id}/items/${revised.itemId}/adjudicate`,
            { id, itemId: revised.itemId },
            { verdict: "revise", flags: ["incomplete"], correctedOutput: fix },
          )
        ).status,
      ).toBe(204);
    }
    expect(
      (
        await call(
          adjudicateRoute,
          researcher,
          "POST",
          `/api/v1/audits/${id}/items/${list.items[0]?.itemId}/adjudicate`,
          { id, itemId: list.items[0]?.itemId ?? "" },
          { verdict: "accept" },
        )
      ).status,
    ).toBe(403);

    const exported = (
      await (await call(exportRoute, researcher, "GET", `/api/v1/audits/${id}/export`, { id })).text()
    )
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const lines = exported.filter((l) => l.instruction !== goldInstruction);
    expect(exported.every((l) => l.instruction !== goldInstruction)).toBe(true);
    const revisedLine = exported.find((l) => l.instruction === corrected);
    if (corrected !== goldInstruction) {
      expect(revisedLine).toMatchObject({
        output: expect.stringMatching(/Seek care\.$/) as string,
        original_output: expect.stringMatching(/^Answer \d+\.$/) as string,
        audit: { campaign: id, verdict: "revise" },
      });
    }
    expect(lines.some((l) => l.instruction === rejected)).toBe(false);
    const ordinals = exported.map((l) => Number(String(l.instruction).match(/\d+/)?.[0]));
    expect(ordinals).toEqual([...ordinals].sort((x, y) => x - y));

    const csv = parseCsv(
      await (
        await call(reviewsCsvRoute, researcher, "GET", `/api/v1/audits/${id}/reviews.csv`, { id })
      ).text(),
    );
    expect(csv[0]).toEqual([
      "item",
      "record",
      "gold",
      "reviewer",
      "verdict",
      "flags",
      "correction",
      "rationale",
      "duration_ms",
      "time",
      "guideline_version",
    ]);
    expect(csv.length - 1).toBe(10);
    const text = csv.flat().join(" ");
    expect(text).not.toContain(alice.user.email);
    expect(text).not.toContain(bob.user.name);
    expect(text).toContain(alice.user.pseudonym);
    expect((await call(reportRoute, alice.token, "GET", `/api/v1/audits/${id}/report`, { id })).status).toBe(
      403,
    );

    // Admins edit the rubric: a used flag can be renamed but not removed.
    const flagsUrl = `/api/v1/audits/${id}/flags`;
    const renamed = [
      { key: "formatting", label: "Formatting or layout" },
      { key: "factual_error", label: "Wrong" },
      { key: "incomplete", label: "Incomplete" },
    ];
    expect((await call(updateFlagsRoute, admin, "PUT", flagsUrl, { id }, { flags: renamed })).status).toBe(
      200,
    );
    expect(
      (await call(updateFlagsRoute, admin, "PUT", flagsUrl, { id }, { flags: renamed.slice(1) })).status,
    ).toBe(409);
    expect(
      (
        await call(
          updateFlagsRoute,
          admin,
          "PUT",
          flagsUrl,
          { id },
          { flags: [{ key: "Bad Key", label: "x" }] },
        )
      ).status,
    ).toBe(422);
    expect(
      (await call(updateFlagsRoute, alice.token, "PUT", flagsUrl, { id }, { flags: renamed })).status,
    ).toBe(403);
    const flagsNow = (
      (await (await call(getCampaignRoute, admin, "GET", `/api/v1/audits/${id}`, { id })).json()) as {
        flags: { label: string }[];
      }
    ).flags;
    expect(flagsNow.map((f) => f.label)).toEqual(["Formatting or layout", "Wrong", "Incomplete"]);
  });

  it("a submit after the lease went to someone else answers 409 and keeps the work as draft; pause and close stop claims", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 5);
    const { id } = await campaign(admin, { datasetId, sampleSize: 1, seed: "x", reviewersPerItem: 1 });
    const alice = await person("CLINICIAN");
    const bob = await person("CLINICIAN");
    const a = (await (await next(alice.token, id)).json()) as TTask;
    expect((await next(bob.token, id)).status).toBe(204);
    await db().queueAssignment.update({
      where: { id: a.assignmentId },
      data: { leaseExpiresAt: new Date(Date.now() - 60_000) },
    });
    const b = (await (await next(bob.token, id)).json()) as TTask;
    expect(b.instruction).toBe(a.instruction);
    const late = await review(alice.token, a.assignmentId, {
      verdict: "reject",
      rationale: "my careful notes",
      durationMs: 95_000,
    });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({ status: 409, reason: "lease_lost" });
    // Kept in the draft's terms, so the review screen resumes the time on item as well.
    expect(
      (await db().queueAssignment.findUniqueOrThrow({ where: { id: a.assignmentId } })).draft,
    ).toMatchObject({ verdict: "reject", rationale: "my careful notes", elapsedMs: 95_000 });
    expect(await db().auditReview.count()).toBe(0);
    expect((await review(alice.token, b.assignmentId, { verdict: "accept" })).status).toBe(404);
    expect(
      (
        await call(assignmentSkipRoute, bob.token, "POST", `/api/v1/assignments/${b.assignmentId}/skip`, {
          id: b.assignmentId,
        })
      ).status,
    ).toBe(204);
    // A skip is final: the skipped item cannot be submitted afterwards, even with its slot free.
    const afterSkip = await review(bob.token, b.assignmentId, { verdict: "accept" });
    expect(afterSkip.status).toBe(409);
    expect(await afterSkip.json()).toMatchObject({ reason: "skipped" });
    expect(await db().auditReview.count()).toBe(0);

    expect((await call(pauseCampaignRoute, admin, "POST", `/api/v1/audits/${id}/pause`, { id })).status).toBe(
      200,
    );
    expect((await next(bob.token, id)).status).toBe(409);
    expect((await call(pauseCampaignRoute, admin, "POST", `/api/v1/audits/${id}/pause`, { id })).status).toBe(
      409,
    );
    expect(
      (await call(resumeCampaignRoute, admin, "POST", `/api/v1/audits/${id}/resume`, { id })).status,
    ).toBe(200);
    expect((await next(alice.token, id)).status).toBe(200);
    expect((await call(closeCampaignRoute, admin, "POST", `/api/v1/audits/${id}/close`, { id })).status).toBe(
      200,
    );
    expect((await next(alice.token, id)).status).toBe(409);
    expect(
      await db().auditLog.count({
        where: { action: { in: ["audit.pause", "audit.resume", "audit.close"] } },
      }),
    ).toBe(3);
  });

  it("the audit trail records a skip with its release, and every report, CSV and export download before it is answered", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 5);
    const { id } = await campaign(admin, { datasetId, sampleSize: 2, seed: "skip", reviewersPerItem: 1 });
    const alice = await person("CLINICIAN");
    const a = (await (await next(alice.token, id)).json()) as TTask;
    const skip = () =>
      call(assignmentSkipRoute, alice.token, "POST", `/api/v1/assignments/${a.assignmentId}/skip`, {
        id: a.assignmentId,
      });
    expect((await skip()).status).toBe(204);
    const released = await db().queueAssignment.findUniqueOrThrow({ where: { id: a.assignmentId } });
    const rows = await db().auditLog.findMany({ where: { action: "audit.skip" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorId: alice.user.id,
      entityType: "audit_item",
      entityId: released.itemId,
      after: { assignmentId: a.assignmentId },
    });
    // Skipping again releases nothing, so records nothing.
    expect((await skip()).status).toBe(204);
    expect(await db().auditLog.count({ where: { action: "audit.skip" } })).toBe(1);

    const { user: researcher, token } = await person("RESEARCHER");
    const downloads = [
      [reportRoute, `/api/v1/audits/${id}/report`, "audit.report_json"],
      [reviewsCsvRoute, `/api/v1/audits/${id}/reviews.csv`, "audit.reviews_csv"],
      [exportRoute, `/api/v1/audits/${id}/export`, "audit.export"],
    ] as const;
    for (const [route, url, action] of downloads) {
      const res = await call(route, token, "GET", url, { id });
      // Recorded before the answer exists, not after its body is read.
      expect(
        await db().auditLog.count({
          where: { action, actorId: researcher.id, entityType: "audit_campaign", entityId: id },
        }),
        action,
      ).toBe(1);
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  it("exports past pages with nothing final yet, and reports a campaign of a whole larger dataset", async () => {
    const { token: admin } = await person("ADMIN");
    const { user: reviewer } = await person("CLINICIAN");
    const datasetId = await dataset(admin, 2_500);
    const { id } = await campaign(admin, { datasetId, sampleFraction: 1, seed: "all", reviewersPerItem: 1 });
    expect(await db().auditItem.count({ where: { campaignId: id } })).toBe(2_500);
    // Only the last 30 items (in record order) are reviewed: the first two export pages have nothing.
    const items = await db().auditItem.findMany({
      where: { campaignId: id },
      orderBy: { ordinal: "asc" },
      select: { id: true, ordinal: true, queueItemId: true },
    });
    expect(items.map((i) => i.ordinal)).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    for (const it of items.slice(-30)) {
      const a = await db().queueAssignment.create({
        data: {
          itemId: it.queueItemId,
          queueId: id,
          userId: reviewer.id,
          status: "SUBMITTED",
          leaseExpiresAt: new Date(),
          submittedAt: new Date(),
        },
      });
      await db().auditReview.create({
        data: {
          itemId: it.id,
          assignmentId: a.id,
          reviewerId: reviewer.id,
          verdict: "accept",
          flags: [],
          durationMs: 1000,
        },
      });
    }
    const res = await call(exportRoute, admin, "GET", `/api/v1/audits/${id}/export`, { id });
    expect(res.status).toBe(200);
    const lines = (await res.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { instruction: string });
    expect(lines.map((l) => l.instruction)).toEqual(
      Array.from({ length: 30 }, (_, i) => `Question ${2_470 + i}?`),
    );

    const report = (await (
      await call(reportRoute, admin, "GET", `/api/v1/audits/${id}/report`, { id })
    ).json()) as Record<string, unknown>;
    expect(report).toMatchObject({
      progress: { items: 2_500, reviews: 30, final: 30, pending: 2_470 },
      verdicts: { accept: 30 },
    });
    const csv = parseCsv(
      await (await call(reviewsCsvRoute, admin, "GET", `/api/v1/audits/${id}/reviews.csv`, { id })).text(),
    );
    expect(csv.length).toBe(31);
    expect(csv[1]?.[1]).toBe("2471");
  }, 60_000);

  it("40 concurrent reviewers through the review API, overlap 2: no item over-reviewed, nobody twice, each acknowledged review stored once", async () => {
    const { token: admin } = await person("ADMIN");
    const datasetId = await dataset(admin, 60);
    const { id } = await campaign(admin, { datasetId, sampleSize: 30, seed: "forty", reviewersPerItem: 2 });
    const reviewers = await Promise.all(Array.from({ length: 40 }, () => person("CLINICIAN")));
    const acknowledged: { reviewId: string; assignmentId: string }[] = [];
    await Promise.all(
      reviewers.map(async ({ token }) => {
        for (;;) {
          const claimed = await next(token, id);
          if (claimed.status === 204) return;
          expect(claimed.status).toBe(200);
          const task = (await claimed.json()) as TTask;
          // A double click: the same Idempotency-Key twice at once; one review, one answer replayed.
          const key = `k-${task.assignmentId}`;
          const [a, b] = await Promise.all([
            review(token, task.assignmentId, { verdict: "accept" }, key),
            review(token, task.assignmentId, { verdict: "accept" }, key),
          ]);
          // One created it (201); the other replays it (201) or found it submitted (200).
          expect([a.status, b.status]).toContain(201);
          expect([200, 201]).toEqual(expect.arrayContaining([a.status, b.status]));
          const bodies = (await Promise.all([a.json(), b.json()])) as { reviewId: string }[];
          expect(bodies[0]?.reviewId).toBe(bodies[1]?.reviewId);
          acknowledged.push({ reviewId: bodies[0]?.reviewId ?? "", assignmentId: task.assignmentId });
        }
      }),
    );
    // A claim gives up after a bounded wait on rows locked by submits; on a loaded machine the last
    // open slot can be told "nothing left" to everyone while it is locked. Reviewers who come back
    // later take it (as in queue.test.ts); over-review and repeats are still checked below.
    for (const { token } of reviewers) {
      for (;;) {
        const claimed = await next(token, id);
        if (claimed.status === 204) break;
        const task = (await claimed.json()) as TTask;
        const a = await review(token, task.assignmentId, { verdict: "accept" }, `k-${task.assignmentId}`);
        expect(a.status).toBe(201);
        acknowledged.push({
          reviewId: ((await a.json()) as { reviewId: string }).reviewId,
          assignmentId: task.assignmentId,
        });
      }
    }
    const reviews = await db().auditReview.findMany({ where: { item: { campaignId: id } } });
    expect(reviews).toHaveLength(60);
    expect(new Set(reviews.map((r) => r.id))).toEqual(new Set(acknowledged.map((x) => x.reviewId)));
    const perItem = new Map<string, Set<string>>();
    for (const r of reviews) perItem.set(r.itemId, (perItem.get(r.itemId) ?? new Set()).add(r.reviewerId));
    expect(perItem.size).toBe(30);
    expect([...perItem.values()].every((who) => who.size === 2)).toBe(true);
  }, 120_000);
});
