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

/** The per-field match: the instruction, input, output or a context turn's content holds it. */
function fieldMatch(like: string): Prisma.Sql {
  return Prisma.sql`(
    r.instruction ILIKE ${like} OR r.input ILIKE ${like} OR r.output ILIKE ${like}
    OR EXISTS (
      SELECT 1 FROM jsonb_array_elements(
        CASE WHEN jsonb_typeof(r.context) = 'array' THEN r.context ELSE '[]'::jsonb END
      ) t WHERE t->>'content' ILIKE ${like}))`;
}

/**
 * Records whose instruction, input, output or any context turn's content holds the text, in any
 * case. Turns are matched by their `content` only, so "role" or "assistant" do not match every
 * conversation. Read through the trigram index `DatasetRecord_search_trgm_idx` on the four texts
 * joined by newlines (dataset_record_search_text, migration 20261209030000_dataset_record_search):
 * a text without a newline matches the joined texts exactly when it matches one of them, so only a
 * search holding a newline (which could match across two joined texts) also needs the per-field match.
 */
export function searchCondition(datasetId: string, q: string): Prisma.Sql {
  const like = likeOf(q);
  return Prisma.sql`r."datasetId" = ${datasetId}::uuid
    AND dataset_record_search_text(r.instruction, r.input, r.output, r.context) ILIKE ${like}
    ${q.includes("\n") ? Prisma.sql`AND ${fieldMatch(like)}` : Prisma.empty}`;
}

/**
 * Rows a page may read walking the dataset in file order. When matches are common, that walk fills a
 * page after a few rows, where the index would hand over every match first (at 26,001 matches in
 * 52,002 records: 3 ms against ~1 s); when they are rare, it would read the whole dataset.
 */
const WALK_ROWS = 5_000;

/** The count first (index-backed), then the page by whichever read suits that many matches. */
async function search(datasetId: string, size: number, q: string, query: TBrowseQuery) {
  const where = searchCondition(datasetId, q);
  const [{ total } = { total: 0 }] = await db().$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "DatasetRecord" r WHERE ${where}`;
  const offset = (query.page - 1) * query.pageSize;
  if (offset >= total) return { total, rows: [] };
  const walk = ((offset + query.pageSize) / total) * size <= WALK_ROWS;
  const pageWhere = walk
    ? Prisma.sql`r."datasetId" = ${datasetId}::uuid AND ${fieldMatch(likeOf(q))}`
    : where;
  const rows = await db().$queryRaw<TRow[]>`
    SELECT r.ordinal, r.instruction, r.input, r.output, r.metadata, r.context
      FROM "DatasetRecord" r
     WHERE ${pageWhere}
     ORDER BY r.ordinal
     LIMIT ${query.pageSize} OFFSET ${offset}`;
  return { total, rows };
}

/** One page of a dataset's records in file order, optionally filtered by a text search. */
export async function browseRecords(
  datasetId: string,
  query: TBrowseQuery,
): Promise<{ total: number; records: TBrowsedRecord[] }> {
  const dataset = await getDataset(datasetId);
  const q = query.q?.trim();
  const { total, rows } = q
    ? await search(datasetId, dataset.count, q, query)
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
