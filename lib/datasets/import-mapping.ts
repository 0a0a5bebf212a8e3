import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/prisma";
import { DEFAULT_MAPPING, type TFieldMapping } from "./field-mapping";

const ZRecordedMapping = z.object({
  mapping: z.object({
    instruction: z.string(),
    input: z.string(),
    output: z.string(),
    conversation: z.string().optional(),
  }),
});

/**
 * The field names a dataset's instruction, input and output (or its conversation) were read from.
 * The import records them in its audit row, written in the transaction that publishes the dataset
 * (and never changed after: the trail is append-only), so every record of the dataset shares them
 * without a copy on each row. A dataset imported before the mapping existed was read with the
 * default names.
 */
export async function datasetImportMapping(datasetId: string): Promise<TFieldMapping> {
  const row = await db().auditLog.findFirst({
    where: { action: "dataset.import", entityType: "dataset", entityId: datasetId },
    orderBy: { at: "asc" },
    select: { after: true },
  });
  const parsed = ZRecordedMapping.safeParse(row?.after);
  return parsed.success ? parsed.data.mapping : DEFAULT_MAPPING;
}
