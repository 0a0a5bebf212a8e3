import "server-only";
import { db } from "@/lib/db/prisma";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDataset } from "./list-datasets";
import type { TBrowseQuery } from "./schemas";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import type { TTurn } from "@/lib/conversations/types";

export type TBrowsedRecord = {
  ordinal: number;
  instruction: string;
  input: string;
  output: string | null;
  metadata: Prisma.JsonValue;
  /** Conversations: the turns before the output (null for a single-text record). */
  context: TTurn[] | null;
};

type TRow = Omit<TBrowsedRecord, "context"> & { context: Prisma.JsonValue };

/** LIKE's wildcards in a search are literal characters. */
const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Records whose instruction, input, output or any context turn's content holds the text, in any
 * case. Turns are matched by their `content` only, so "role" or "assistant" do not match every
 * conversation. No index: a search reads the dataset's rows (measured in BENCHMARKS.md, "Dataset
 * search"); a trigram index would not serve the turns inside the JSON column anyway.
 */
function matching(datasetId: string, q: string): Prisma.Sql {
  const like = likeOf(q);
  return Prisma.sql`r."datasetId" = ${datasetId}::uuid AND (
    r.instruction ILIKE ${like} OR r.input ILIKE ${like} OR r.output ILIKE ${like}
    OR EXISTS (
      SELECT 1 FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(r.context) = 'array' THEN r.context ELSE '[]'::jsonb END
      ) t WHERE t->>'content' ILIKE ${like}))`;
}

async function search(datasetId: string, q: string, query: TBrowseQuery) {
  const where = matching(datasetId, q);
  const [[{ total } = { total: 0 }], rows] = await Promise.all([
    db().$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "DatasetRecord" r WHERE ${where}`,
    db().$queryRaw<TRow[]>`
      SELECT r.ordinal, r.instruction, r.input, r.output, r.metadata, r.context
        FROM "DatasetRecord" r
       WHERE ${where}
       ORDER BY r.ordinal
       LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
  ]);
  return { total, rows };
}

/** One page of a dataset's records in file order, optionally filtered by a text search. */
export async function browseRecords(
  datasetId: string,
  query: TBrowseQuery,
): Promise<{ total: number; records: TBrowsedRecord[] }> {
  await getDataset(datasetId);
  const q = query.q?.trim();
  const { total, rows } = q
    ? await search(datasetId, q, query)
    : await Promise.all([
        db().datasetRecord.count({ where: { datasetId } }),
        db().datasetRecord.findMany({
          where: { datasetId },
          orderBy: { ordinal: "asc" },
          skip: (query.page - 1) * query.pageSize,
          take: query.pageSize,
          select: {
            ordinal: true,
            instruction: true,
            input: true,
            output: true,
            metadata: true,
            context: true,
          },
        }),
      ]).then(([total, rows]) => ({ total, rows }));
  return { total, records: rows.map((r) => ({ ...r, context: readStoredTurns(r.context) })) };
}
