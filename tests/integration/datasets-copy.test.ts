// The COPY writer of dataset imports (lib/datasets/copy-records.ts) against the batched INSERT it
// replaced on PostgreSQL servers (still the embedded database's writer, lib/datasets/insert-records.ts).
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { importDataset } from "@/lib/datasets/import-dataset";
import { insertRecords } from "@/lib/datasets/insert-records";
import { parseBody } from "@/lib/datasets/parse-body";
import { AppError } from "@/lib/errors/app-error";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const body = (text: string) => Readable.from([Buffer.from(text)]);

/**
 * Records with every character COPY reads specially, unicode, metadata of each JSON kind, and
 * exact duplicates both within one COPY segment and across segments (9,000 lines: three segments).
 */
function trickyFile(): string {
  const lines: string[] = [];
  for (let i = 1; i <= 9_000; i++) {
    if (i % 1_000 === 0) {
      // The same content as line i - 999 with other metadata: still an exact duplicate.
      lines.push(JSON.stringify({ ...(JSON.parse(lines[i - 1_000] as string) as object), dup: i }));
      continue;
    }
    if (i % 777 === 0) {
      lines.push(lines[i - 2] as string);
      continue;
    }
    const r: Record<string, unknown> = {
      instruction: `Task ${i}`,
      input: i % 2 ? "" : "x",
      output: i % 3 ? `Answer\t${i}\\n` : `Line 1\r\nLine 2 \\N µg ≥ 5 °C 🩺\n\n3. "quoted"`,
    };
    if (i % 5 === 0) r.meta = { nested: [1, 2.5, null, true, "tab\there"], back: "\\", n: i };
    if (i % 7 === 0) r.topic = `t\n${i % 3}`;
    lines.push(JSON.stringify(r));
  }
  return `${lines.join("\r\n")}\n`;
}

const storedRows = async (datasetId: string) =>
  (
    await db().datasetRecord.findMany({
      where: { datasetId },
      orderBy: { ordinal: "asc" },
      select: {
        ordinal: true,
        instruction: true,
        input: true,
        output: true,
        metadata: true,
        contentHash: true,
      },
    })
  ).map((r) => ({ ...r, metadata: JSON.stringify(r.metadata) }));

describe("dataset import by COPY", () => {
  it("stores exactly the rows and hashes the INSERT path stores for the same file, duplicates skipped alike", async () => {
    const admin = await makeUser("ADMIN");
    const text = trickyFile();
    const imported = await importDataset(asCurrent(admin), { name: "copy", body: body(text) }, ctx());

    // The same file through the old writer, into a dataset of its own.
    const other = await db().dataset.create({
      data: { name: "insert", createdById: admin.id, status: "READY" },
    });
    const writer = insertRecords(other.id);
    let valid = 0;
    for await (const p of parseBody(body(text), "jsonl")) {
      if (p.kind !== "record") throw new Error(`line ${p.index}: ${p.reason}`);
      valid += 1;
      await writer.add(p);
    }
    const inserted = await writer.finish();

    expect(imported.count).toBe(inserted);
    expect(imported.duplicates).toBe(valid - inserted);
    expect(imported.duplicates).toBe(9 + 11);
    const viaCopy = await storedRows(imported.id);
    const viaInsert = await storedRows(other.id);
    expect(viaCopy).toHaveLength(inserted);
    expect(viaCopy).toEqual(viaInsert);
    // The first of each duplicate is the one kept (its line number and its metadata).
    expect(viaCopy.find((r) => r.instruction === "Task 1")?.ordinal).toBe(1);
    expect(viaCopy.some((r) => r.ordinal === 1_000)).toBe(false);
  }, 120_000);

  it("refuses a file whose bad line comes after segments were sent: 422 naming the line, nothing left written", async () => {
    const admin = await makeUser("ADMIN");
    const good = Array.from({ length: 12_000 }, (_, i) =>
      JSON.stringify({ instruction: `Task ${i}`, output: `Answer ${i}` }),
    );
    let seenMidway = -1;
    async function* slowBody() {
      yield Buffer.from(`${good.join("\n")}\n`);
      // The good lines are parsed and their segments committed before the bad line arrives.
      await new Promise((r) => setTimeout(r, 300));
      seenMidway = await db().datasetRecord.count();
      yield Buffer.from('{"instruction":"late","output":\n');
    }
    const err = await importDataset(asCurrent(admin), { name: "late", body: slowBody() }, ctx()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    const extra = (err as AppError).extra as {
      invalid: { line: number; reason: string }[];
      invalidCount: number;
    };
    expect(extra.invalid).toEqual([{ line: 12_001, reason: "not valid JSON" }]);
    expect(extra.invalidCount).toBe(1);
    expect(seenMidway).toBeGreaterThanOrEqual(8_000);
    expect(await db().datasetRecord.count()).toBe(0);
    expect(await db().dataset.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "dataset.import" } })).toBe(0);
  });

  it("imports a file of one record repeated 3,000 times as one record, and a file of short lines with no duplicates whole", async () => {
    const admin = await makeUser("ADMIN");
    const same = `${Array.from({ length: 3_000 }, () => '{"instruction":"a","output":"b"}').join("\n")}\n`;
    expect(await importDataset(asCurrent(admin), { name: "same", body: body(same) }, ctx())).toMatchObject({
      count: 1,
      duplicates: 2_999,
    });
    const many = `${Array.from({ length: 10_000 }, (_, i) => JSON.stringify({ instruction: `${i}`, output: "o" })).join("\n")}\n`;
    const r = await importDataset(asCurrent(admin), { name: "many", body: body(many) }, ctx());
    expect(r).toMatchObject({ count: 10_000, duplicates: 0 });
    expect(await db().datasetRecord.count({ where: { datasetId: r.id } })).toBe(10_000);
    expect(await db().auditLog.count({ where: { action: "dataset.import" } })).toBe(2);
  });
});
