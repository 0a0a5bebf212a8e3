import "server-only";
import { db } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
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

/** One page of a dataset's records in file order, optionally filtered by a text search. */
export async function browseRecords(
  datasetId: string,
  query: TBrowseQuery,
): Promise<{ total: number; records: TBrowsedRecord[] }> {
  await getDataset(datasetId);
  const q = query.q?.trim();
  const where: Prisma.DatasetRecordWhereInput = {
    datasetId,
    ...(q
      ? {
          OR: [
            { instruction: { contains: q, mode: "insensitive" } },
            { input: { contains: q, mode: "insensitive" } },
            { output: { contains: q, mode: "insensitive" } },
          ],
        }
      : {}),
  };
  const [total, records] = await Promise.all([
    db().datasetRecord.count({ where }),
    db().datasetRecord.findMany({
      where,
      orderBy: { ordinal: "asc" },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { ordinal: true, instruction: true, input: true, output: true, metadata: true, context: true },
    }),
  ]);
  return { total, records: records.map((r) => ({ ...r, context: readStoredTurns(r.context) })) };
}
