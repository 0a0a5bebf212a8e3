import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { closeCampaignRoute, createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { exportRoute, reportRoute, reviewsCsvRoute } from "@/lib/audits/result-routes";
import { parseCsv } from "@/lib/csv/csv";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

type THandle = { handle: (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response> };
type TReport = {
  progress: { final: number; pending: number; disputed: number };
  acceptance: { estimate: number; lower: number; upper: number } | null;
  badRecords: { total: { estimate: number; lower: number; upper: number } } | null;
};

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function token(role: "ADMIN" | "CLINICIAN") {
  const user = await makeUser(role);
  return (await insertApiToken(db(), user.id, "t", null)).token;
}
function call(
  route: THandle,
  tok: string,
  method: string,
  url: string,
  params: Record<string, string> = {},
  body?: unknown,
) {
  return route.handle(
    new Request(`http://app.test${url}`, {
      method,
      headers: {
        authorization: `Bearer ${tok}`,
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
}
async function dataset(
  admin: string,
  n: number,
  line = (i: number) => ({ instruction: `Q${i}?`, output: `A${i}.`, topic: ["a", "b", "c"][i % 3] }),
) {
  const body = Array.from({ length: n }, (_, i) => JSON.stringify(line(i))).join("\n");
  const res = await importDatasetRoute.handle(
    new Request("http://app.test/api/v1/datasets?name=D", {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/x-ndjson" },
      body,
    }),
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
async function campaign(admin: string, body: Record<string, unknown>) {
  const res = await call(
    createCampaignRoute,
    admin,
    "POST",
    "/api/v1/audits",
    {},
    { seed: "s", reviewersPerItem: 1, ...body },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}
/** One reviewer works through the queue, giving each item the verdict `verdictOf` chooses. */
async function reviewAll(tok: string, id: string, verdictOf: (k: number) => string, limit = Infinity) {
  for (let k = 0; k < limit; k++) {
    const res = await call(nextItemRoute, tok, "POST", `/api/v1/audits/${id}/assignments/next`, { id });
    if (res.status === 204) return k;
    const task = (await res.json()) as { assignmentId: string };
    const sent = await call(
      assignmentSubmitRoute,
      tok,
      "POST",
      `/api/v1/assignments/${task.assignmentId}/submit`,
      { id: task.assignmentId },
      { verdict: verdictOf(k), durationMs: 400 },
    );
    expect(sent.status).toBe(201);
  }
  return limit;
}
/** The three results of a campaign all answer 200; the report's intervals hold their estimates. */
async function results(tok: string, id: string) {
  const report = await call(reportRoute, tok, "GET", `/api/v1/audits/${id}/report`, { id });
  const csv = await call(reviewsCsvRoute, tok, "GET", `/api/v1/audits/${id}/reviews.csv`, { id });
  const exported = await call(exportRoute, tok, "GET", `/api/v1/audits/${id}/export`, { id });
  expect([report.status, csv.status, exported.status]).toEqual([200, 200, 200]);
  const r = (await report.json()) as TReport;
  for (const e of [r.acceptance, r.badRecords?.total])
    if (e) expect(e.lower <= e.estimate && e.estimate <= e.upper).toBe(true);
  return {
    report: r,
    csvRows: parseCsv(await csv.text()).length - 1,
    exportLines: (await exported.text()).split("\n").filter(Boolean).length,
  };
}

describe("a campaign's report, reviews CSV and export answer 200 in every state", () => {
  it("empty, nothing final, all accepted, all rejected, closed; simple and stratified", async () => {
    const admin = await token("ADMIN");
    const [alice, bob] = [await token("CLINICIAN"), await token("CLINICIAN")];
    const datasetId = await dataset(admin, 30);

    const empty = await campaign(admin, { datasetId, sampleSize: 6 });
    expect(await results(admin, empty)).toMatchObject({
      report: { acceptance: null, badRecords: null, progress: { final: 0, pending: 6 } },
      csvRows: 0,
      exportLines: 0,
    });

    // Two reviewers per item, one has reviewed all, the other one item differently: pending and disputed, nothing final.
    const unfinished = await campaign(admin, { datasetId, sampleSize: 6, reviewersPerItem: 2 });
    await reviewAll(alice, unfinished, () => "accept");
    await reviewAll(bob, unfinished, () => "reject", 1);
    expect(await results(admin, unfinished)).toMatchObject({
      report: { acceptance: null, progress: { final: 0, disputed: 1, pending: 5 } },
      csvRows: 7,
      exportLines: 0,
    });

    // 14 of 30: where the old Wilson bounds missed 0 and 1 by a rounding error (the report answered 500).
    for (const strata of [undefined, "topic"]) {
      const accepted = await campaign(admin, { datasetId, sampleSize: 14, strata });
      await reviewAll(alice, accepted, () => "accept");
      const a = await results(admin, accepted);
      expect(a).toMatchObject({
        report: { acceptance: { estimate: 1, upper: 1 }, badRecords: { total: { estimate: 0, lower: 0 } } },
        csvRows: 14,
        exportLines: 14,
      });
      expect(a.report.badRecords?.total.upper).toBeGreaterThan(0);

      const rejected = await campaign(admin, { datasetId, sampleSize: 14, strata });
      await reviewAll(alice, rejected, () => "reject");
      expect(await results(admin, rejected)).toMatchObject({
        report: { acceptance: { estimate: 0, lower: 0 }, badRecords: { total: { estimate: 30, upper: 30 } } },
        csvRows: 14,
        exportLines: 0,
      });

      expect(
        (await call(closeCampaignRoute, admin, "POST", `/api/v1/audits/${accepted}/close`, { id: accepted }))
          .status,
      ).toBe(200);
      expect(await results(admin, accepted)).toMatchObject({
        report: { acceptance: { estimate: 1 } },
        exportLines: 14,
      });
    }
    // Every state once more after a census (all records): the interval collapses, still no error.
    const census = await campaign(admin, { datasetId, sampleFraction: 1 });
    expect(await reviewAll(alice, census, () => "accept")).toBe(30);
    expect(await results(admin, census)).toMatchObject({
      report: { acceptance: { estimate: 1, lower: 1, upper: 1 } },
      exportLines: 30,
    });
  }, 120_000);

  it("serves the report JSON as a download, like the CSV and the export, and records it", async () => {
    const admin = await token("ADMIN");
    const id = await campaign(admin, { datasetId: await dataset(admin, 5), sampleSize: 2 });
    for (const [route, path, type] of [
      [reportRoute, "report", "application/json"],
      [reviewsCsvRoute, "reviews.csv", "text/csv"],
      [exportRoute, "export", "application/x-ndjson"],
    ] as const) {
      const res = await call(route, admin, "GET", `/api/v1/audits/${id}/${path}`, { id });
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-[0-9a-f-]+.*"$/);
      expect(res.headers.get("content-type")).toContain(type);
      expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    }
    expect(await db().auditLog.count({ where: { action: "audit.report_json", entityId: id } })).toBe(1);
  });
});

describe("new campaigns refuse what they cannot use, changing nothing", () => {
  const counts = async () => [
    await db().auditCampaign.count(),
    await db().auditItem.count(),
    await db().queueItem.count(),
  ];

  it("a sample larger than the dataset (sizes named, by stratum too) unless all records are chosen", async () => {
    const admin = await token("ADMIN");
    const datasetId = await dataset(admin, 12);
    const before = await counts();
    const big = await call(
      createCampaignRoute,
      admin,
      "POST",
      "/api/v1/audits",
      {},
      { datasetId, seed: "s", sampleSize: 5000 },
    );
    expect(big.status).toBe(422);
    const p = (await big.json()) as { detail: string; errors: Record<string, string[]> };
    expect(p.detail).toBe(
      "The sample of 5000 is larger than the dataset: it holds 12 record(s). Choose at most 12, or all records.",
    );
    expect(p.errors.sampleSize).toEqual([p.detail]);
    const strat = await call(
      createCampaignRoute,
      admin,
      "POST",
      "/api/v1/audits",
      {},
      {
        datasetId,
        seed: "s",
        sampleSize: 12,
        strata: "topic",
        gold: [{ recordOrdinal: 1, verdict: "accept" }],
      },
    );
    expect(strat.status).toBe(422);
    expect(((await strat.json()) as { detail: string }).detail).toBe(
      "The sample of 12 is larger than the dataset: it holds 12 record(s) (11 once the 1 gold item(s) are set aside); by stratum: b 4, c 4, a 3. Choose at most 11, or all records.",
    );
    expect(await counts()).toEqual(before);
    const all = await campaign(admin, {
      datasetId,
      sampleFraction: 1,
      gold: [{ recordOrdinal: 1, verdict: "accept" }],
    });
    expect(await db().auditItem.count({ where: { campaignId: all, isGold: false } })).toBe(11);
    expect(
      (
        await call(
          createCampaignRoute,
          admin,
          "POST",
          "/api/v1/audits",
          {},
          { datasetId, seed: "s", sampleFraction: 1.5 },
        )
      ).status,
    ).toBe(422);
  });

  it("gold items: errors in words, ordinals outside the dataset, zero and duplicates refused", async () => {
    const admin = await token("ADMIN");
    const datasetId = await dataset(admin, 10);
    const before = await counts();
    const refuse = async (gold: unknown) => {
      const res = await call(
        createCampaignRoute,
        admin,
        "POST",
        "/api/v1/audits",
        {},
        { datasetId, seed: "s", sampleSize: 2, gold },
      );
      expect(res.status).toBe(422);
      return ((await res.json()) as { errors: Record<string, string[]> }).errors;
    };
    expect(
      await refuse([
        { recordOrdinal: 3, verdict: "accept" },
        { recordOrdinal: 11, verdict: "reject" },
      ]),
    ).toEqual({
      gold: ["Gold item 2: this dataset has no record 11 (its records are numbered 1 to 10)"],
    });
    expect(await refuse([{ recordOrdinal: 0, verdict: "accept" }])).toEqual({
      "gold.0.recordOrdinal": ["Record numbers start at 1"],
    });
    expect(await refuse([{ recordOrdinal: null, verdict: "maybe" }])).toEqual({
      "gold.0.recordOrdinal": ["Give the record's number (its line in the file)"],
      "gold.0.verdict": ["Choose accept, reject or revise"],
    });
    expect(await refuse([{ recordOrdinal: 2.5, verdict: "accept" }])).toEqual({
      "gold.0.recordOrdinal": ["A record number is a whole number"],
    });
    expect(
      await refuse([
        { recordOrdinal: 4, verdict: "accept" },
        { recordOrdinal: 4, verdict: "reject" },
      ]),
    ).toEqual({ gold: ["Record 4 is listed twice as a gold item"] });
    expect(await counts()).toEqual(before);
  });

  it("a dataset imported without outputs refuses new campaigns; its existing campaign stays readable", async () => {
    const admin = await token("ADMIN");
    const alice = await token("CLINICIAN");
    const datasetId = await dataset(admin, 8);
    const old = await campaign(admin, { datasetId, sampleSize: 4 });
    await reviewAll(alice, old, () => "accept", 2);
    // As imports stored it before outputs were required: null, or only whitespace.
    await db().datasetRecord.updateMany({
      where: { datasetId, ordinal: { in: [2, 5] } },
      data: { output: null },
    });
    await db().datasetRecord.updateMany({ where: { datasetId, ordinal: 7 }, data: { output: " \n" } });
    const before = await counts();
    const res = await call(
      createCampaignRoute,
      admin,
      "POST",
      "/api/v1/audits",
      {},
      { datasetId, seed: "s", sampleSize: 2 },
    );
    expect(res.status).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "3 record(s) of this dataset have no output, so it cannot be audited. Import the file again, choosing which field holds the output.",
    );
    expect(await counts()).toEqual(before);
    expect(await results(admin, old)).toMatchObject({ report: { progress: { final: 2 } }, csvRows: 2 });
  });
});
