import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db, pgPool } from "@/lib/db/prisma";
import { forbidden, notFound } from "@/lib/errors/app-error";
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

/** A source's completed exports, newest first. */
export async function listExports(
  user: TCurrentUser,
  sourceType: string,
  sourceId: string | null,
  limit: number,
): Promise<TExportFileRow[]> {
  const rows = await db().exportFile.findMany({
    where: { sourceType, sourceId, completedAt: { not: null } },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: SELECT,
  });
  return rows.filter((r) => mayRead(user, r)).map(complete);
}

/** The stored bytes, one ~1 MB chunk per pull: any instance serves them, none holds them whole. */
export function storedFileStream(exportId: string): ReadableStream<Uint8Array> {
  let seq = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // Through the pool under Prisma (pg hands bytea back as a Buffer as it came off the wire).
      const r = await pgPool().query<{ data: Buffer }>(
        `SELECT data FROM "ExportChunk" WHERE "exportId" = $1::uuid AND seq = $2`,
        [exportId, seq],
      );
      const chunk = r.rows[0];
      if (!chunk) {
        controller.close();
        return;
      }
      seq += 1;
      controller.enqueue(new Uint8Array(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength));
    },
  });
}
