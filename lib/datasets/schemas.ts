import { z } from "zod";
import { ZLicenceQuery } from "@/lib/exports/licences";
import { CONVERSATION_SHAPES } from "@/lib/conversations/types";
import { refineMapping, ZFieldMappingShape } from "./field-mapping";

export const ZImportQuery = z
  .object({
    name: z.string().trim().min(1, "Give the dataset a name").max(200, "At most 200 characters"),
    // Issue 17: the file's licence, carried into the manifests and cards of its campaigns' exports.
    licence: ZLicenceQuery,
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
  sha256: z.string().nullable(),
  licence: z.string().nullable(),
});
export const ZImportResult = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number(),
  duplicates: z.number(),
});
