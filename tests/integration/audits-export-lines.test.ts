// The curated export splices JSON literals escaped by PostgreSQL (to_json) into its lines; each
// line must be byte for byte what JSON.stringify of the same object writes.
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { curatedExportStream } from "@/lib/audits/campaign-downloads";
import { createCampaign } from "@/lib/audits/create-campaign";
import { ZCreateCampaign } from "@/lib/audits/schemas";
import { importDataset } from "@/lib/datasets/import-dataset";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

/** Every control character, DEL, quotes, backslashes, line and paragraph separators, emoji. */
const CONTROLS = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join("");
const TRICKY = `${CONTROLS}\u007f "quoted" back\\slash / \u2028\u2029 µg ≥ 5 °C 🩺 é`;
const N = 2_500;

const recordOf = (i: number) => ({
  instruction: `Q${i} ${TRICKY}`,
  input: i % 2 ? "" : `case ${i}\t${TRICKY}`,
  output: `A${i}.\n${TRICKY}`,
});
/** One item in four revised: with a tricky correction, or (every 20th) with the original itself. */
const correctionOf = (i: number) =>
  i % 20 === 0 ? recordOf(i).output : i % 4 === 0 ? `Corrected ${i}: ${TRICKY}` : null;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const dec = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    text += dec.decode(chunk, { stream: true });
  return text + dec.decode();
}

describe("curated export lines", () => {
  it("are exactly JSON.stringify of each object, across pages, with corrections and originals where they differ", async () => {
    const admin = await makeUser("ADMIN");
    const reviewer = await makeUser("CLINICIAN");
    const jsonl = `${Array.from({ length: N }, (_, i) => JSON.stringify(recordOf(i + 1))).join("\n")}\n`;
    const ds = await importDataset(
      asCurrent(admin),
      { name: "tricky", body: Readable.from([Buffer.from(jsonl)]) },
      ctx(),
    );
    const { id } = await createCampaign(
      asCurrent(admin),
      ZCreateCampaign.parse({
        datasetId: ds.id,
        name: "c",
        sampleFraction: 1,
        seed: "s",
        reviewersPerItem: 1,
      }),
      ctx(),
    );
    // Reviews written directly (setup): the export reads them, however they were made.
    const items = await db().$queryRaw<{ id: string; queueItemId: string; ordinal: number }[]>`
      SELECT ai.id, ai."queueItemId", r.ordinal FROM "AuditItem" ai JOIN "DatasetRecord" r ON r.id = ai."recordId" WHERE ai."campaignId" = ${id}::uuid`;
    expect(items).toHaveLength(N);
    const now = new Date();
    const withIds = items.map((it) => ({
      ...it,
      assignmentId: randomUUID(),
      correction: correctionOf(it.ordinal),
    }));
    await db().queueAssignment.createMany({
      data: withIds.map((it) => ({
        id: it.assignmentId,
        itemId: it.queueItemId,
        queueId: id,
        userId: reviewer.id,
        status: "SUBMITTED" as const,
        claimedAt: now,
        leaseExpiresAt: now,
        submittedAt: now,
      })),
    });
    await db().auditReview.createMany({
      data: withIds.map((it) => ({
        itemId: it.id,
        assignmentId: it.assignmentId,
        reviewerId: reviewer.id,
        verdict: it.correction === null ? "accept" : "revise",
        flags: [],
        correctedOutput: it.correction,
        durationMs: 1,
      })),
    });
    await db().queueItem.updateMany({ where: { queueId: id }, data: { claimedSlots: 1, completedSlots: 1 } });

    const lines = (await readAll((await curatedExportStream(id)).stream)).split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(N);
    lines.forEach((line, k) => {
      const i = k + 1;
      const r = recordOf(i);
      const correction = correctionOf(i);
      const output = correction ?? r.output;
      const expected = {
        instruction: r.instruction,
        input: r.input,
        output,
        ...(output !== r.output ? { original_output: r.output } : {}),
        audit: {
          campaign: id,
          line: i,
          verdict: correction === null ? "accept" : "revise",
          flags: [],
          reviewers: [reviewer.pseudonym],
        },
      };
      expect(line).toBe(JSON.stringify(expected));
    });
  }, 120_000);
});
