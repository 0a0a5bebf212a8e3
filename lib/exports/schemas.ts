import { z } from "zod";
import { EXPORT_SOURCE_TYPES } from "./manifest";

export const ZExportParams = z.object({ id: z.uuid({ message: "Unknown export" }) });

/** GET /api/v1/exports: one source's stored exports (seeds have no source id). */
export const ZExportListQuery = z
  .object({
    sourceType: z.enum(EXPORT_SOURCE_TYPES, { message: `Use one of ${EXPORT_SOURCE_TYPES.join(", ")}` }),
    sourceId: z
      .union([z.uuid({ message: "Not an id" }), z.literal("")])
      .optional()
      .transform((v) => v || undefined),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .refine((q) => (q.sourceType === "seeds") === !q.sourceId, {
    path: ["sourceId"],
    message: "Give the campaign's or study's id (none for seeds)",
  });

export const ZExportSummary = z.object({
  id: z.string(),
  kind: z.string(),
  filename: z.string(),
  sha256: z.string(),
  bytes: z.number(),
  rows: z.number(),
  licence: z.string(),
  createdAt: z.string(),
  exportedBy: z.string(),
});
export type TExportSummary = z.infer<typeof ZExportSummary>;

/** `bundle=1` on a download route answers the zip (export, manifest.json, README.md) instead of the file. */
export const ZBundleFlag = z
  .enum(["1", "0", "true", "false", ""], { message: "Use 1 or 0" })
  .optional()
  .transform((v) => v === "1" || v === "true");
export const ZBundleQuery = z.object({ bundle: ZBundleFlag });
