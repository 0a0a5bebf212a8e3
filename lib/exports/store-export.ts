import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import type { ReportTally } from "@/lib/audits/report-tally";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { binaryCopyPieces, int4Field, uuidField } from "@/lib/db/copy-binary";
import { copyInBinary } from "@/lib/db/copy-in";
import { db, pgPool } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { encodeChunk, type TChunkMode } from "./chunk-codec";
import { describeSource } from "./describe-source";
import { iterate, type TExportBody } from "./export-body";
import {
  buildManifest,
  type TExportKind,
  type TExportSourceType,
  type TManifest,
  type TManifestSource,
} from "./manifest";

/** Bytes per stored chunk: ~1 MB rows stream in and out without holding a big export whole. */
export const EXPORT_CHUNK_BYTES = 1 << 20;

const CHUNK_COPY = `COPY "ExportChunk" ("exportId", seq, data, compression) FROM STDIN (FORMAT binary)`;
const CHUNK_INSERT = `INSERT INTO "ExportChunk" ("exportId", seq, data, compression) VALUES ($1::uuid, $2, $3, $4)`;

/**
 * Through the pool under Prisma, as the curated export reads its windows. A binary COPY of one row:
 * an INSERT with the megabyte as a bind parameter was planned afresh each time, and PostgreSQL's
 * planner copies a parameter's value into the plan, then the plan again (profiled: BENCHMARKS.md);
 * COPY is not planned, and the bytes go to the socket as they are. The embedded PGlite's wire
 * protocol has no COPY FROM STDIN, so it gets the INSERT. With EXPORT_CHUNK_COMPRESSION=deflate the
 * chunk is deflated first (chunk-codec.ts, libuv's thread pool): a quarter of the bytes, but CPU the
 * first download waits for on a busy machine.
 */
async function writeChunk(exportId: string, seq: number, data: Buffer, mode: TChunkMode): Promise<void> {
  const stored = await encodeChunk(data, mode);
  if (env().CLINREVIEW_EMBEDDED) {
    await pgPool().query(CHUNK_INSERT, [exportId, seq, stored.data, stored.compression]);
    return;
  }
  const compression = stored.compression === null ? null : Buffer.from(stored.compression);
  await copyInBinary(
    CHUNK_COPY,
    binaryCopyPieces([[uuidField(exportId), int4Field(seq), stored.data, compression]]),
  );
}

export type TExportSpec = {
  kind: TExportKind;
  sourceType: TExportSourceType;
  sourceId: string | null;
  filters: Record<string, unknown>;
  licence: string | null;
  contentType: string;
  filename: string;
  /** A study download's criterion, for its summary figures. */
  criterion?: string;
  /**
   * A campaign download whose body reads every item (the curated export) tallies them for the
   * summary figures; settled once the body is through. Without it the summary is read apart.
   */
  campaignTally?: Promise<ReportTally>;
  /**
   * The audit row the download wrote before exports were stored, kept so the trail reads as before:
   * `requestAudit` is written as the export begins, before the answer exists (audit and study
   * downloads); `downloadAudit`, which needs the file's facts, with the completed export (seeds).
   */
  requestAudit?: TAuditEntry;
  downloadAudit?: (facts: { sha256: string; bytes: number; rows: number }) => TAuditEntry;
};

export type TStoredExport = {
  id: string;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
  manifest: TManifest;
};

type TExportRow = { id: string; createdAt: Date };

/**
 * The file's row, incomplete (completedAt null, so no reader sees it) until its bytes are in, with
 * the download's request audit row: the request is on the trail even if the build then fails.
 */
export async function createExportRow(
  user: TCurrentUser,
  spec: TExportSpec,
  ctx: TRequestContext,
): Promise<TExportRow> {
  return db().$transaction(async (tx) => {
    const row = await tx.exportFile.create({
      data: {
        kind: spec.kind,
        sourceType: spec.sourceType,
        sourceId: spec.sourceId,
        filters: JSON.parse(JSON.stringify(spec.filters)) as Prisma.InputJsonValue,
        licence: spec.licence,
        contentType: spec.contentType,
        filename: spec.filename,
        createdById: user.id,
      },
      select: { id: true, createdAt: true },
    });
    if (spec.requestAudit) await recordAudit(tx, ctx, spec.requestAudit);
    return row;
  });
}

/** The source's figures, read while the bytes are produced (awaited after them). */
export function describeInBackground(spec: TExportSpec): Promise<TManifestSource> {
  const described = describeSource(spec.sourceType, spec.sourceId, {
    criterion: spec.criterion,
    campaignTally: spec.campaignTally,
  });
  described.catch(() => undefined);
  return described;
}

export type TChunkWriter = {
  /** Hashes and buffers a piece (synchronously, so the caller may pass it on at once); resolves when
   * the caller may push again: a few chunk writes run while the producer goes on. The piece's
   * bytes may be stored from the piece itself after this returns: a producer never reuses one
   * (each export body yields fresh buffers). */
  push(piece: Uint8Array): Promise<void>;
  /** Writes the last partial chunk and waits for every write; the file's hash and size. */
  finish(): Promise<{ sha256: string; bytes: number }>;
  /** Waits for the writes in flight, ignoring their outcome (before the row is deleted). */
  settle(): Promise<void>;
};

/**
 * Chunk writes running at once per export. Profiled on the 52,002-record export (83 MB): with one
 * in flight the build waited ~2.4 s of its ~3 s on them (PostgreSQL slicing each 1 MB value into
 * TOAST rows); several run on several backends while production goes on. Seq order does not matter.
 */
const WRITES_IN_FLIGHT = 3;

/** Hashes the bytes and writes them as EXPORT_CHUNK_BYTES rows, overlapping the writes with production. */
export function chunkWriter(
  exportId: string,
  mode: TChunkMode = env().EXPORT_CHUNK_COMPRESSION,
): TChunkWriter {
  const hash = createHash("sha256");
  let buf = Buffer.allocUnsafe(EXPORT_CHUNK_BYTES);
  let fill = 0;
  let seq = 0;
  let bytes = 0;
  const inflight = new Set<Promise<void>>();
  let failure: { err: unknown } | null = null;
  const send = async (data: Buffer) => {
    while (inflight.size >= WRITES_IN_FLIGHT) await Promise.race(inflight);
    if (failure) throw failure.err;
    // Never rejects (the failure is kept and rethrown by the next send or finish).
    const write: Promise<void> = writeChunk(exportId, seq++, data, mode).then(
      () => void inflight.delete(write),
      (err: unknown) => {
        inflight.delete(write);
        failure ??= { err };
      },
    );
    inflight.add(write);
  };
  return {
    async push(piece) {
      hash.update(piece);
      bytes += piece.byteLength;
      const full: Buffer[] = [];
      let at = 0;
      if (fill > 0) {
        // Top up the chunk begun by earlier pieces.
        at = Math.min(EXPORT_CHUNK_BYTES - fill, piece.byteLength);
        buf.set(piece.subarray(0, at), fill);
        fill += at;
        if (fill === EXPORT_CHUNK_BYTES) {
          // A new buffer for the next partial chunk: this one belongs to its write until it is done.
          full.push(buf);
          buf = Buffer.allocUnsafe(EXPORT_CHUNK_BYTES);
          fill = 0;
        }
      }
      // Whole chunks inside the piece go as views of it, not copies: a large export's copies and
      // the collections they caused were a fifth of its build (profiled: BENCHMARKS.md).
      while (fill === 0 && piece.byteLength - at >= EXPORT_CHUNK_BYTES) {
        full.push(Buffer.from(piece.buffer, piece.byteOffset + at, EXPORT_CHUNK_BYTES));
        at += EXPORT_CHUNK_BYTES;
      }
      if (at < piece.byteLength) {
        buf.set(piece.subarray(at), fill);
        fill += piece.byteLength - at;
      }
      for (const data of full) await send(data);
    },
    async finish() {
      if (fill > 0) await send(buf.subarray(0, fill));
      fill = 0;
      await Promise.all(inflight);
      if (failure) throw failure.err;
      return { sha256: hash.digest("hex"), bytes };
    },
    async settle() {
      await Promise.all(inflight);
    },
  };
}

/**
 * Completes the file's row with its SHA-256, size, rows and manifest in one transaction with the
 * audit row holding that manifest, the download's own audit row and the export.created event.
 */
export async function completeExport(
  user: TCurrentUser,
  spec: TExportSpec,
  file: TExportRow,
  facts: { sha256: string; bytes: number; rows: number },
  described: Promise<TManifestSource>,
  ctx: TRequestContext,
): Promise<TStoredExport> {
  const { sha256, bytes, rows } = facts;
  const [source, exporter] = await Promise.all([
    described,
    db().user.findUniqueOrThrow({ where: { id: user.id }, select: { pseudonym: true } }),
  ]);
  const manifest = buildManifest({
    id: file.id,
    kind: spec.kind,
    filename: spec.filename,
    contentType: spec.contentType,
    sha256,
    bytes,
    rows,
    createdAt: file.createdAt,
    licence: spec.licence,
    source,
    filters: spec.filters,
    app: { version: env().appVersion, commit: env().appCommit },
    exporterPseudonym: exporter.pseudonym,
  });
  const manifestJson = JSON.parse(JSON.stringify(manifest)) as Prisma.InputJsonObject;
  await db().$transaction(async (tx) => {
    await tx.exportFile.update({
      where: { id: file.id },
      data: { sha256, bytes, rows, manifest: manifestJson, completedAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "export.create",
      entityType: "export_file",
      entityId: file.id,
      after: manifestJson,
    });
    if (spec.downloadAudit) await recordAudit(tx, ctx, spec.downloadAudit({ sha256, bytes, rows }));
    // In the transaction that completes the export: a pipeline is told only of a file that exists.
    await emitWebhookEvent(tx, {
      type: "export.created",
      data: { exportId: file.id, kind: spec.kind, rows, bytes, sha256 },
    });
  });
  return {
    id: file.id,
    filename: spec.filename,
    contentType: spec.contentType,
    sha256,
    bytes,
    rows,
    manifest,
  };
}

/** A build that failed or was abandoned leaves nothing: its row goes, its chunks by cascade. */
export async function discardExport(exportId: string): Promise<void> {
  await db().exportFile.deleteMany({ where: { id: exportId, completedAt: null } });
}

/**
 * Builds an export once into PostgreSQL, then returns it complete (bundles, which need the manifest
 * before their first byte; a first download streams as it stores instead: stream-export.ts). The
 * bytes are hashed and written as ~1 MB ExportChunk rows as the producer yields them (never the
 * whole file in memory). A failed build leaves nothing. Any instance can then serve it.
 */
export async function storeExport(
  user: TCurrentUser,
  spec: TExportSpec,
  body: TExportBody,
  ctx: TRequestContext,
): Promise<TStoredExport> {
  const file = await createExportRow(user, spec, ctx);
  const writer = chunkWriter(file.id);
  try {
    const described = describeInBackground(spec);
    for await (const piece of iterate(body.chunks)) await writer.push(piece);
    const facts = await writer.finish();
    return await completeExport(user, spec, file, { ...facts, rows: body.rows() }, described, ctx);
  } catch (err) {
    await writer.settle();
    await discardExport(file.id);
    throw err;
  }
}
