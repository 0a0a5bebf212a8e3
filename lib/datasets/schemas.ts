import { z } from "zod";
import { CONVERSATION_SHAPES } from "@/lib/conversations/types";
import { refineMapping, ZFieldMappingShape } from "./field-mapping";

export const ZImportQuery = z
  .object({
    name: z.string().trim().min(1, "Give the dataset a name").max(200, "At most 200 characters"),
    ...ZFieldMappingShape,
  })
  .superRefine(refineMapping);
export const ZDatasetParams = z.object({ id: z.uuid({ message: "Unknown dataset" }) });
export const ZBrowseQuery = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TBrowseQuery = z.infer<typeof ZBrowseQuery>;

export const ZDatasetSummary = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  duplicates: z.number(),
  fields: z.array(z.string()),
  conversationShape: z.enum(CONVERSATION_SHAPES).nullable(),
  createdAt: z.string(),
});
export const ZImportResult = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  duplicates: z.number(),
});
