import "server-only";
import { createHash } from "node:crypto";
import { recordAudit, type TAuditEntry } from "@/lib/audit/record-audit";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db, pgPool } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { describeSource } from "./describe-source";
import { iterate, type TExportBody } from "./export-body";
import { buildManifest, type TExportKind, type TExportSourceType, type TManifest } from "./manifest";

/** Bytes per stored chunk: ~1 MB rows stream in and out without holding a big export whole. */
export const EXPORT_CHUNK_BYTES = 1 << 20;

/**
 * Through the pool under Prisma, as the curated export reads its pages (load-export-page.ts): pg
 * sends a Buffer parameter as binary bytea, with no mapping of a megabyte value on the way.
 */
async function writeChunk(exportId: string, seq: number, data: Buffer): Promise<void> {
  await pgPool().query(`INSERT INTO "ExportChunk" ("exportId", seq, data) VALUES ($1::uuid, $2, $3)`, [
    exportId,
    seq,
    data,
  ]);
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
  /** The audit row the download wrote before exports were stored, kept so the trail reads as before. */
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

/**
 * Builds an export once into PostgreSQL: the bytes are hashed and written as ~1 MB ExportChunk rows
 * as the producer yields them (never the whole file in memory), then the file's row is completed with
 * its SHA-256, size, rows and manifest in one transaction with the audit row holding that manifest.
 * A failed build leaves nothing (its row and chunks are deleted). Any instance can then serve it.
 */
export async function storeExport(
  user: TCurrentUser,
  spec: TExportSpec,
  body: TExportBody,
  ctx: TRequestContext,
): Promise<TStoredExport> {
  const file = await db().exportFile.create({
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
  try {
    // The source's figures are read while the bytes are produced; awaited after them.
    const described = describeSource(spec.sourceType, spec.sourceId, { criterion: spec.criterion });
    described.catch(() => undefined);
    const hash = createHash("sha256");
    let bytes = 0;
    let seq = 0;
    let pending: Uint8Array[] = [];
    let pendingBytes = 0;
    // Whole chunks of EXPORT_CHUNK_BYTES as they fill (a producer's piece may span several); the
    // rest waits for more bytes, or for the end (`last`).
    const flush = async (last: boolean) => {
      if (pendingBytes === 0) return;
      const all = Buffer.concat(pending, pendingBytes);
      let at = 0;
      while (all.byteLength - at >= EXPORT_CHUNK_BYTES || (last && at < all.byteLength)) {
        const data = all.subarray(at, Math.min(at + EXPORT_CHUNK_BYTES, all.byteLength));
        await writeChunk(file.id, seq++, data);
        at += data.byteLength;
      }
      pending = at < all.byteLength ? [all.subarray(at)] : [];
      pendingBytes = all.byteLength - at;
    };
    for await (const piece of iterate(body.chunks)) {
      hash.update(piece);
      bytes += piece.byteLength;
      pending.push(piece);
      pendingBytes += piece.byteLength;
      if (pendingBytes >= EXPORT_CHUNK_BYTES) await flush(false);
    }
    await flush(true);
    const sha256 = hash.digest("hex");
    const rows = body.rows();
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
  } catch (err) {
    await db().exportFile.deleteMany({ where: { id: file.id, completedAt: null } });
    throw err;
  }
}
