import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db, pgPool } from "@/lib/db/prisma";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import { decodeChunk } from "./chunk-codec";
import type { TManifest } from "./manifest";

export type TExportFileRow = {
  id: string;
  kind: string;
  sourceType: string;
  sourceId: string | null;
  filters: unknown;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
  createdAt: Date;
  /** When the retention sweep deleted its bytes (sweep-exports.ts); the manifest stays readable. */
  expiredAt: Date | null;
  manifest: TManifest;
};

const SELECT = {
  id: true,
  kind: true,
  sourceType: true,
  sourceId: true,
  filters: true,
  filename: true,
  contentType: true,
  sha256: true,
  bytes: true,
  rows: true,
  createdAt: true,
  expiredAt: true,
  manifest: true,
} as const;

/** Researchers read approved seeds only (list-seeds.ts), so they see seed exports of nothing else. */
export function mayRead(user: Pick<TCurrentUser, "role">, row: { sourceType: string; filters: unknown }) {
  if (user.role === "ADMIN") return true;
  if (user.role !== "RESEARCHER") return false;
  if (row.sourceType !== "seeds") return true;
  const f = row.filters as { status?: unknown } | null;
  return f?.status === "approved";
}

type TRawRow = Omit<TExportFileRow, "sha256" | "bytes" | "manifest"> & {
  sha256: string | null;
  bytes: bigint;
  manifest: unknown;
};

const complete = (r: TRawRow): TExportFileRow => ({
  ...r,
  sha256: r.sha256 ?? "",
  bytes: Number(r.bytes),
  manifest: r.manifest as TManifest,
});

/** A completed export the user may read (404 while it is being built or when unknown). */
export async function getExportFile(user: TCurrentUser, id: string): Promise<TExportFileRow> {
  const row = await db().exportFile.findFirst({ where: { id, completedAt: { not: null } }, select: SELECT });
  if (!row) throw notFound("Export");
  if (!mayRead(user, row)) throw forbidden("Researchers read exports of approved seeds only");
  return complete(row);
}

/** The file's bytes are still stored: 410 once the retention sweep has deleted them. */
export function assertStored(row: TExportFileRow): TExportFileRow {
  if (row.expiredAt)
    throw new AppError(
      "GONE",
      `This export's file was deleted after the retention period, on ${row.expiredAt.toISOString()}`,
    );
  return row;
}

/** A source's completed exports, newest first. */
export async function listExports(
  user: TCurrentUser,
  sourceType: string,
  sourceId: string | null,
  limit: number,
): Promise<TExportFileRow[]> {
  const rows = await db().exportFile.findMany({
    where: { sourceType, sourceId, completedAt: { not: null }, expiredAt: null },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: SELECT,
  });
  return rows.filter((r) => mayRead(user, r)).map(complete);
}

/** Chunks per query: 4 MB a round trip, few enough that no instance holds much of an export. */
const CHUNKS_PER_QUERY = 4;

/**
 * bytea comes back in the text format (hex, decoded natively by pg): pg 8.23's protocol parser turns
 * every DataRow field into a UTF-8 string, so `binary: true` mangles any byte sequence that is not
 * UTF-8 (a chunk boundary splitting a multi-byte character is enough; tried, and tested against).
 */
async function readChunks(exportId: string, fromSeq: number): Promise<Buffer[]> {
  const r = await pgPool().query<{ data: Buffer; compression: string | null }>(
    `SELECT data, compression FROM "ExportChunk" WHERE "exportId" = $1::uuid AND seq >= $2 ORDER BY seq LIMIT $3`,
    [exportId, fromSeq, CHUNKS_PER_QUERY],
  );
  // Inflated in the thread pool while the next query runs; chunks stored before compression as they are.
  return Promise.all(r.rows.map((row) => decodeChunk(row.data, row.compression)));
}

/**
 * The stored bytes, CHUNKS_PER_QUERY chunks a query, the next query already running while the
 * current chunks are sent: any instance serves them, none holds them whole. Chunks are numbered
 * 0..n-1 without gaps (store-export.ts), so a short batch is the last. The retention sweep leaves
 * an expired file's chunks for a grace period (sweep-exports.ts); should they go mid-stream
 * anyway, the stream fails (the client sees an aborted download) rather than end short of `bytes`
 * as if complete.
 */
export function storedFileStream(exportId: string, bytes: number): ReadableStream<Uint8Array> {
  let next: Promise<Buffer[]> | null = null;
  let seq = 0;
  let sent = 0;
  const fetchNext = () => {
    const p = readChunks(exportId, seq);
    p.catch(() => undefined); // awaited by the next pull
    seq += CHUNKS_PER_QUERY;
    return p;
  };
  return new ReadableStream<Uint8Array>({
    start() {
      next = fetchNext();
    },
    async pull(controller) {
      const batch = next ? await next : [];
      next = batch.length === CHUNKS_PER_QUERY ? fetchNext() : null;
      for (const data of batch) {
        sent += data.byteLength;
        controller.enqueue(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      }
      if (next) return;
      if (sent === bytes) controller.close();
      else controller.error(new Error(`Export ${exportId}: ${sent} of ${bytes} bytes stored`));
    },
  });
}
