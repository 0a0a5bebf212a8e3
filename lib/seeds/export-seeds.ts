import "server-only";
import { createHash } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import type { TRequestContext } from "@/lib/http/request-context";
import type { Prisma, SeedStatus } from "@/lib/generated/prisma/client";
import type { TExportQuery } from "./export-schemas";
import { toAlpacaExport, toMedSeed } from "./to-alpaca-export";

const PAGE = 500;

const DAY_MS = 86_400_000;
const STATUS_OF = {
  approved: "APPROVED",
  submitted: "SUBMITTED",
  changes_requested: "CHANGES_REQUESTED",
  retired: "RETIRED",
} as const satisfies Record<TExportQuery["status"], SeedStatus>;

/** The filters as a Prisma where (without the paging cursor). */
export function exportWhere(query: TExportQuery): Prisma.SeedWhereInput {
  const created =
    query.from || query.to
      ? {
          createdAt: {
            ...(query.from ? { gte: new Date(`${query.from}T00:00:00Z`) } : {}),
            ...(query.to ? { lt: new Date(new Date(`${query.to}T00:00:00Z`).getTime() + DAY_MS) } : {}),
          },
        }
      : {};
  return {
    status: STATUS_OF[query.status],
    ...(query.topicId ? { topicId: query.topicId } : {}),
    ...(query.typeId ? { typeId: query.typeId } : {}),
    ...(query.difficulty ? { difficulty: query.difficulty } : {}),
    ...created,
  };
}

const indent = (block: string) => block.replace(/^/gm, "    ");

/**
 * Streams the chosen seeds page by page (createdAt, id order), hashing what it sends; the audit row
 * with the SHA-256 is written when the last byte is queued, or marked incomplete if the client leaves.
 */
export async function exportSeedsStream(
  user: TCurrentUser,
  query: TExportQuery,
  ctx: TRequestContext,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const hash = createHash("sha256");
  let cursor: { createdAt: Date; id: string } | null = null;
  let count = 0;
  let finished = false;
  const json = query.format === "json";
  const where = exportWhere(query);

  const audit = (complete: boolean) =>
    db().$transaction((tx) =>
      recordAudit(tx, ctx, {
        actorId: user.id,
        action: "seed.export",
        entityType: "seed",
        after: {
          status: query.status,
          format: query.format,
          filters: {
            topicId: query.topicId ?? null,
            typeId: query.typeId ?? null,
            difficulty: query.difficulty ?? null,
            from: query.from ?? null,
            to: query.to ?? null,
          },
          count,
          complete,
          sha256: complete ? hash.copy().digest("hex") : null,
        },
      }),
    );

  const emit = (controller: ReadableStreamDefaultController<Uint8Array>, text: string) => {
    const bytes = encoder.encode(text);
    hash.update(bytes);
    controller.enqueue(bytes);
  };

  const pageAfter = (c: { createdAt: Date; id: string } | null) =>
    db().seed.findMany({
      where: {
        ...where,
        ...(c
          ? { OR: [{ createdAt: { gt: c.createdAt } }, { createdAt: c.createdAt, id: { gt: c.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
      select: {
        id: true,
        version: true,
        createdAt: true,
        instruction: true,
        input: true,
        difficulty: true,
        topic: { select: { label: true } },
        view: { select: { label: true } },
        type: { select: { label: true } },
      },
    });
  // The first page before the first byte: a database that cannot be reached answers 503 here,
  // not a 200 whose body breaks off.
  let first: Awaited<ReturnType<typeof pageAfter>> | null = await pageAfter(null);

  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const rows = first ?? (await pageAfter(cursor));
      first = null;
      if (json && count === 0) emit(controller, "[");
      for (const row of rows) {
        // The array is laid out as med_seed.json is (Python's json.dump with indent=4).
        const text = json
          ? `${count === 0 ? "\n" : ",\n"}${indent(JSON.stringify(toMedSeed(row), null, 4))}`
          : `${JSON.stringify(toAlpacaExport(row))}\n`;
        emit(controller, text);
        count += 1;
      }
      const last = rows[rows.length - 1];
      if (last) cursor = { createdAt: last.createdAt, id: last.id };
      if (rows.length < PAGE) {
        if (json) emit(controller, count === 0 ? "]\n" : "\n]\n");
        finished = true;
        await audit(true);
        controller.close();
      }
    },
    async cancel() {
      if (!finished) await audit(false);
    },
  });
}
