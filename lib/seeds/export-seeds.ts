import "server-only";
import { db } from "@/lib/db/prisma";
import type { TExportBody } from "@/lib/exports/export-body";
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

/** The filters as the manifest and the audit row record them. */
export const exportFilters = (query: TExportQuery) => ({
  topicId: query.topicId ?? null,
  typeId: query.typeId ?? null,
  difficulty: query.difficulty ?? null,
  from: query.from ?? null,
  to: query.to ?? null,
});

/**
 * The chosen seeds page by page (createdAt, id order), as the export's bytes; the row count is
 * known once they are through. Stored and audited by lib/exports/store-export.ts.
 */
export function seedExportBody(query: TExportQuery): TExportBody {
  const encoder = new TextEncoder();
  let cursor: { createdAt: Date; id: string } | null = null;
  let count = 0;
  const json = query.format === "json";
  const where = exportWhere(query);

  const chunks = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const c = cursor;
      const rows = await db().seed.findMany({
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
      let text = json && count === 0 ? "[" : "";
      for (const row of rows) {
        // The array is laid out as med_seed.json is (Python's json.dump with indent=4).
        text += json
          ? `${count === 0 ? "\n" : ",\n"}${indent(JSON.stringify(toMedSeed(row), null, 4))}`
          : `${JSON.stringify(toAlpacaExport(row))}\n`;
        count += 1;
      }
      const last = rows[rows.length - 1];
      if (last) cursor = { createdAt: last.createdAt, id: last.id };
      if (rows.length < PAGE && json) text += count === 0 ? "]\n" : "\n]\n";
      if (text) controller.enqueue(encoder.encode(text));
      if (rows.length < PAGE) controller.close();
    },
  });
  return { chunks, rows: () => count };
}
