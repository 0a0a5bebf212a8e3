import "server-only";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pgPool } from "@/lib/db/prisma";
import { COPY_COLUMNS, copyRow } from "./copy-row";
import { DigestSet } from "./digest-set";
import type { TImportRow, TRecordWriter } from "./record-writer";

/**
 * A segment is one COPY statement, sent whole once built: each statement runs for milliseconds at
 * local speed, never for as long as a slow upload takes (the statement timeout bounds each one), and
 * what is sent is committed, so a long import shows progress and never holds one huge transaction.
 */
const SEGMENT_ROWS = 2_000;
const SEGMENT_CHARS = 3_000_000;
const CHUNK_CHARS = 256 * 1024;
/** Records whose hash may repeat an earlier one, held until their segment is sent. */
const MAX_SUSPECTS = 500;

const COPY_SQL = `COPY "DatasetRecord" (${COPY_COLUMNS}) FROM STDIN`;
const INSERT_SQL = `
  INSERT INTO "DatasetRecord" (${COPY_COLUMNS})
  SELECT $1::uuid, t.o, t.i, t.inp, t.out, t.m::jsonb, t.c::jsonb, t.h
    FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS t(o, i, inp, out, m, c, h)
  ON CONFLICT ("datasetId", "contentHash") DO NOTHING`;

async function send(
  c: pg.PoolClient,
  datasetId: string,
  chunks: Buffer[],
  suspects: TImportRow[],
): Promise<number> {
  let stored = 0;
  if (chunks.length > 0) {
    const copy = c.query(copyFrom(COPY_SQL));
    await pipeline(Readable.from(chunks), copy);
    stored += copy.rowCount;
  }
  if (suspects.length > 0) {
    // After the COPY, so a record it holds is there to conflict with: the index decides exactly.
    const r = await c.query(INSERT_SQL, [
      datasetId,
      suspects.map((s) => s.index),
      suspects.map((s) => s.record.instruction),
      suspects.map((s) => s.record.input),
      suspects.map((s) => s.record.output),
      suspects.map((s) => (s.record.metadata ? JSON.stringify(s.record.metadata) : null)),
      suspects.map((s) => (s.record.context ? JSON.stringify(s.record.context) : null)),
      suspects.map((s) => s.record.contentHash),
    ]);
    stored += r.rowCount ?? 0;
  }
  return stored;
}

/**
 * COPY FROM STDIN into "DatasetRecord", the writer for a PostgreSQL server. COPY cannot skip a
 * conflicting row, so exact duplicates are caught before they are sent: a hash the file has
 * already had (DigestSet) goes with an INSERT … ON CONFLICT DO NOTHING instead. One segment is
 * sent while the next is parsed, so parsing and writing overlap; memory stays at two segments.
 */
export function copyRecords(datasetId: string): TRecordWriter {
  const seen = new DigestSet();
  let client: pg.PoolClient | null = null;
  let chunks: Buffer[] = [];
  let pending = "";
  let rows = 0;
  let chars = 0;
  let suspects: TImportRow[] = [];
  let inflight: Promise<number> | null = null;
  let stored = 0;

  const cut = async () => {
    if (pending) chunks.push(Buffer.from(pending));
    const segment = chunks;
    const later = suspects;
    chunks = [];
    pending = "";
    rows = 0;
    chars = 0;
    suspects = [];
    if (inflight) stored += await inflight;
    inflight = null;
    if (segment.length === 0 && later.length === 0) return;
    client ??= await pgPool().connect();
    inflight = send(client, datasetId, segment, later);
    // Awaited by the next cut, finish or abort; a failure must not surface as unhandled first.
    inflight.catch(() => undefined);
  };

  const release = (failed: boolean) => {
    // A connection whose COPY failed midway is not handed to anyone else.
    client?.release(failed ? true : undefined);
    client = null;
  };

  return {
    async add(row) {
      if (!seen.add(row.record.contentHash)) {
        suspects.push(row);
        if (suspects.length >= MAX_SUSPECTS) await cut();
        return;
      }
      const line = copyRow(datasetId, row.index, row.record);
      pending += line;
      rows += 1;
      chars += line.length;
      if (pending.length >= CHUNK_CHARS) {
        chunks.push(Buffer.from(pending));
        pending = "";
      }
      if (rows >= SEGMENT_ROWS || chars >= SEGMENT_CHARS) await cut();
    },
    async finish() {
      try {
        await cut();
        if (inflight) stored += await inflight;
        inflight = null;
        release(false);
        return stored;
      } catch (err) {
        release(true);
        throw err;
      }
    },
    async abort() {
      chunks = [];
      pending = "";
      suspects = [];
      const failed = inflight
        ? await inflight.then(
            () => false,
            () => true,
          )
        : false;
      inflight = null;
      release(failed);
    },
  };
}
