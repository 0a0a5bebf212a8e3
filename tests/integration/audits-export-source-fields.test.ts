// The curated export keeps each source record's own id, its line in the imported file and its
// original fields (names and values), with `output` the final text: checked on MedInstruct-test
// (its answer read from "gpt-4-answer", no input field) and on its generated stand-in.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { curatedExportStream } from "@/lib/audits/campaign-downloads";
import { createCampaign } from "@/lib/audits/create-campaign";
import { ZCreateCampaign } from "@/lib/audits/schemas";
import { importDataset } from "@/lib/datasets/import-dataset";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  let text = "";
  const dec = new TextDecoder();
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>)
    text += dec.decode(chunk, { stream: true });
  return text + dec.decode();
}

/** Every third record revised (a correction), every seventh rejected (left out), the rest accepted. */
const verdictOf = (line: number): "reject" | "revise" | "accept" =>
  line % 7 === 0 ? "reject" : line % 3 === 0 ? "revise" : "accept";

describeEachSource(
  "alpacare/MedInstruct-test.jsonl",
  "the curated export keeps the source record",
  (file) => {
    it("writes each record's id, line number and original fields, with the final text as output", async () => {
      const admin = await makeUser("ADMIN");
      const reviewer = await makeUser("CLINICIAN");
      const text = readFileSync(file, "utf8");
      const ds = await importDataset(
        asCurrent(admin),
        {
          name: "medinstruct-test",
          body: Readable.from([Buffer.from(text)]),
          mapping: { instruction: "instruction", input: "", output: "gpt-4-answer" },
        },
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
      expect(items.length).toBe(ds.count);
      const now = new Date();
      const withIds = items.map((it) => ({
        ...it,
        assignmentId: randomUUID(),
        verdict: verdictOf(it.ordinal),
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
          verdict: it.verdict,
          flags: [],
          correctedOutput: it.verdict === "revise" ? `Corrected answer for line ${it.ordinal}` : null,
          durationMs: 1,
        })),
      });
      await db().queueItem.updateMany({
        where: { queueId: id },
        data: { claimedSlots: 1, completedSlots: 1 },
      });

      const sourceLines = text.split("\n");
      const exported = (await readAll((await curatedExportStream(id)).stream))
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown> & { audit: { line: number; verdict: string } });
      const kept = withIds.filter((it) => it.verdict !== "reject");
      expect(exported).toHaveLength(kept.length);
      expect(exported.map((l) => l.audit.line)).toEqual(kept.map((it) => it.ordinal).sort((a, b) => a - b));

      for (const line of exported) {
        const source = JSON.parse(sourceLines[line.audit.line - 1] ?? "") as Record<string, unknown>;
        // The record's own id comes first, then the Alpaca triple.
        expect(Object.keys(line).slice(0, 4)).toEqual(["id", "instruction", "input", "output"]);
        expect(line.id).toBe(source.id);
        // Every source field, under its own name, with its value as in the file.
        for (const [name, value] of Object.entries(source)) expect(line[name]).toEqual(value);
        expect(line.input).toBe("");
        const revised = line.audit.verdict === "revise";
        expect(line.output).toBe(
          revised ? `Corrected answer for line ${line.audit.line}` : source["gpt-4-answer"],
        );
        expect(line.original_output).toBe(revised ? source["gpt-4-answer"] : undefined);
        expect(line.audit.verdict).toBe(verdictOf(line.audit.line));
      }
    }, 120_000);
  },
);
