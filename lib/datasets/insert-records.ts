import "server-only";
import { db } from "@/lib/db/prisma";
import { IMPORT_LIMITS } from "./limits";
import type { TImportRow, TRecordWriter } from "./record-writer";

/**
 * Inserts one batch in one statement (arrays unnested on the server); exact duplicates (in the
 * file or the batch) are skipped by the unique content hash.
 */
async function flush(datasetId: string, rows: TImportRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ordinals = rows.map((r) => r.index);
  const instructions = rows.map((r) => r.record.instruction);
  const inputs = rows.map((r) => r.record.input);
  const outputs = rows.map((r) => r.record.output);
  const metadata = rows.map((r) => (r.record.metadata ? JSON.stringify(r.record.metadata) : null));
  const contexts = rows.map((r) => (r.record.context ? JSON.stringify(r.record.context) : null));
  const hashes = rows.map((r) => r.record.contentHash);
  return db().$executeRaw`
    INSERT INTO "DatasetRecord" ("datasetId", ordinal, instruction, input, output, metadata, context, "contentHash")
    SELECT ${datasetId}::uuid, t.o, t.i, t.inp, t.out, t.m::jsonb, t.c::jsonb, t.h
      FROM unnest(${ordinals}::int[], ${instructions}::text[], ${inputs}::text[], ${outputs}::text[], ${metadata}::text[], ${contexts}::text[], ${hashes}::text[])
        AS t(o, i, inp, out, m, c, h)
    ON CONFLICT ("datasetId", "contentHash") DO NOTHING`;
}

/**
 * Batched INSERT … SELECT FROM unnest: the writer of the embedded database (PGlite), whose wire
 * protocol has no COPY FROM STDIN. Imports there are demo-sized.
 */
export function insertRecords(datasetId: string): TRecordWriter {
  let batch: TImportRow[] = [];
  let batchChars = 0;
  let inserted = 0;
  return {
    async add(row) {
      batch.push(row);
      batchChars +=
        row.record.instruction.length +
        row.record.input.length +
        row.record.output.length +
        (row.record.context ? JSON.stringify(row.record.context).length : 0);
      if (batch.length >= IMPORT_LIMITS.batchSize || batchChars >= IMPORT_LIMITS.batchChars) {
        inserted += await flush(datasetId, batch);
        batch = [];
        batchChars = 0;
      }
    },
    async finish() {
      inserted += await flush(datasetId, batch);
      batch = [];
      return inserted;
    },
    abort() {
      batch = [];
      return Promise.resolve();
    },
  };
}
