// The curated export tallies the items it reads for its manifest's summary (report-tally.ts); those
// figures must be the report's and the separately read summary's, on a campaign with every kind of
// item: stratified (and without a stratum), gold, pending, disputed, adjudicated (to reject and to
// revise), revised, re-answered, unreviewed, over several export windows.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { curatedExportStream } from "@/lib/audits/campaign-downloads";
import { createCampaign } from "@/lib/audits/create-campaign";
import { loadCampaignReport } from "@/lib/audits/load-report";
import { ZCreateCampaign } from "@/lib/audits/schemas";
import { importDataset } from "@/lib/datasets/import-dataset";
import { db } from "@/lib/db/prisma";
import { campaignSummary, summaryOfTally } from "@/lib/exports/campaign-summary";
import { iterate } from "@/lib/exports/export-body";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const N = 2_300;
const SPECIALTIES = ["cardiology", "neurology", "renal"];

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let lines = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
  return lines;
}

/** A stratified campaign of N items, two reviewers each, reviewed every way a real one is. */
async function mixedCampaign() {
  const admin = await makeUser("ADMIN");
  const [a, b] = [await makeUser("CLINICIAN"), await makeUser("CLINICIAN")];
  const jsonl = Array.from({ length: N }, (_, i) =>
    JSON.stringify({
      instruction: `Q${i + 1}`,
      output: `A${i + 1}`,
      // One record in 13 has no specialty: its stratum is null.
      ...((i + 1) % 13 === 0 ? {} : { specialty: SPECIALTIES[i % 3] }),
    }),
  ).join("\n");
  const ds = await importDataset(
    asCurrent(admin),
    { name: "mixed", body: Readable.from([Buffer.from(jsonl)]) },
    ctx(),
  );
  const { id } = await createCampaign(
    asCurrent(admin),
    ZCreateCampaign.parse({
      datasetId: ds.id,
      name: "mixed",
      sampleFraction: 1,
      strata: "specialty",
      seed: "s",
      reviewersPerItem: 2,
      gold: [
        { recordOrdinal: 1, verdict: "accept" },
        { recordOrdinal: 2, verdict: "reject" },
      ],
    }),
    ctx(),
  );
  const items = await db().$queryRaw<{ id: string; queueItemId: string; ordinal: number }[]>`
    SELECT ai.id, ai."queueItemId", r.ordinal FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId"
     WHERE ai."campaignId" = ${id}::uuid`;
  const now = Date.now();
  const assignments: { id: string; itemId: string; queueId: string; userId: string }[] = [];
  const reviews: {
    itemId: string;
    assignmentId: string;
    reviewerId: string;
    verdict: "accept" | "reject" | "revise";
    flags: string[];
    correctedOutput: string | null;
    durationMs: number;
    createdAt: Date;
    revision?: number;
    supersededAt?: Date;
  }[] = [];
  const review = (
    it: (typeof items)[number],
    userId: string,
    verdict: "accept" | "reject" | "revise",
    correctedOutput: string | null = null,
    superseded?: "accept" | "reject",
  ) => {
    const assignmentId = randomUUID();
    assignments.push({ id: assignmentId, itemId: it.queueItemId, queueId: id, userId });
    const base = { itemId: it.id, assignmentId, reviewerId: userId, flags: [], durationMs: 1 };
    if (superseded)
      reviews.push({
        ...base,
        verdict: superseded,
        correctedOutput: null,
        createdAt: new Date(now - 1000),
        revision: 1,
        supersededAt: new Date(now),
      });
    reviews.push({
      ...base,
      verdict,
      correctedOutput,
      createdAt: new Date(now + it.ordinal),
      ...(superseded ? { revision: 2 } : {}),
    });
  };
  const adjudicated: string[] = [];
  const adjudicatedRevise: string[] = [];
  for (const it of items) {
    const k = it.ordinal;
    if (k % 7 === 0)
      review(it, a.id, "accept"); // pending: one of two reviews in
    else if (k % 5 === 0) {
      review(it, a.id, "accept");
      review(it, b.id, "reject");
      if (k % 10 === 0) adjudicated.push(it.id);
    } else if (k % 3 === 0) {
      review(it, a.id, "revise", `Fix ${k}`);
      review(it, b.id, "revise", k % 2 ? `Fix ${k}` : `Other fix ${k}`); // even: corrections differ
      if (k % 2 === 0 && k % 9 === 0) adjudicatedRevise.push(it.id);
    } else if (k % 4 === 0) {
      review(it, a.id, "reject", null, "accept"); // re-answered: the superseded answer must not count
      review(it, b.id, "reject");
    } else if (k % 11 !== 0) {
      review(it, a.id, "accept");
      review(it, b.id, "accept");
    } // k % 11 === 0: not reviewed at all
  }
  await db().queueAssignment.createMany({
    data: assignments.map((x) => ({
      ...x,
      status: "SUBMITTED" as const,
      claimedAt: new Date(now),
      leaseExpiresAt: new Date(now),
      submittedAt: new Date(now),
    })),
  });
  await db().auditReview.createMany({ data: reviews });
  await db().auditItem.updateMany({
    where: { id: { in: adjudicated } },
    data: { finalVerdict: "reject", finalFlags: ["unsafe"] },
  });
  await db().auditItem.updateMany({
    where: { id: { in: adjudicatedRevise } },
    data: { finalVerdict: "revise", finalFlags: [], finalOutput: "The adjudicated answer." },
  });
  const campaign = await db().auditCampaign.findUniqueOrThrow({
    where: { id },
    select: { reviewersPerItem: true, strataField: true, dataset: { select: { id: true, count: true } } },
  });
  return {
    id,
    facts: {
      reviewersPerItem: campaign.reviewersPerItem,
      datasetCount: campaign.dataset.count,
      strataField: campaign.strataField,
      datasetId: campaign.dataset.id,
    },
  };
}

describe("the curated export's summary tally", () => {
  it("equals the report's headline figures and the separately read summary", async () => {
    const { id, facts } = await mixedCampaign();
    const curated = await curatedExportStream(id);
    const lines = await drain(curated.stream);
    const tallied = await summaryOfTally(curated.tally, facts);
    const apart = await campaignSummary(id, facts);
    const report = await loadCampaignReport(id);

    expect(tallied).toEqual(apart);
    expect(tallied).toEqual({
      progress: report.progress,
      verdicts: report.verdicts,
      acceptance: report.acceptance,
      verdictAgreement: report.agreement.verdict,
    });
    // Every kind of item made it in, so the equality above is not between empty figures.
    expect(tallied.progress).toMatchObject({ items: N - 2, goldItems: 2 });
    expect(tallied.progress.pending).toBeGreaterThan(300);
    expect(tallied.progress.disputed).toBeGreaterThan(100);
    expect(tallied.verdicts.revise).toBeGreaterThan(100);
    expect(tallied.verdicts.reject).toBeGreaterThan(100);
    expect(tallied.verdictAgreement.overlappingItems).toBeGreaterThan(1_500);
    expect(tallied.acceptance?.n).toBe(tallied.progress.final);
    expect(tallied.acceptance?.method).toMatch(/^stratified/);
    expect(lines).toBe(tallied.verdicts.accept + tallied.verdicts.revise);
  }, 120_000);

  it("fails when the export is left part-way, so no manifest is built from part of a campaign", async () => {
    const { id } = await mixedCampaign();
    const curated = await curatedExportStream(id);
    // As a stored export reads its body (iterate), left after the first window: the client went away.
    const body = iterate(curated.stream);
    expect((await body.next()).done).toBe(false);
    await body.return(undefined);
    await expect(curated.tally).rejects.toBeDefined();
  }, 120_000);
});
