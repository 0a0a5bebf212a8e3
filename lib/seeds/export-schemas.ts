import { z } from "zod";
import { ZLicenceQuery } from "@/lib/exports/licences";

/** Statuses an export may ask for: drafts are their author's alone and never exported. */
export const EXPORT_STATUSES = ["approved", "submitted", "changes_requested", "retired"] as const;

const ZOptionalId = z
  .union([z.uuid({ message: "Not a term id" }), z.literal("")])
  .optional()
  .transform((v) => v || undefined);

const ZDay = z
  .union([z.iso.date({ message: "Use a date as YYYY-MM-DD" }), z.literal("")])
  .optional()
  .transform((v) => v || undefined);

/**
 * GET /api/v1/seeds/export. `format=json` writes med_seed.json's own shape (an array of objects
 * with exactly its six string fields); `jsonl` adds our id and version to each line, so a line
 * can be traced back. `from`/`to` bound the day the seed was written (UTC, both inclusive).
 */
export const ZExportQuery = z
  .object({
    status: z
      .enum(EXPORT_STATUSES, { message: `Use one of ${EXPORT_STATUSES.join(", ")}` })
      .default("approved"),
    format: z.enum(["jsonl", "json"], { message: "Use jsonl or json" }).default("jsonl"),
    topicId: ZOptionalId,
    typeId: ZOptionalId,
    difficulty: z
      .enum(["1", "2", "3", "4", "5", ""], { message: "Use 1 to 5" })
      .optional()
      .transform((v) => (v ? Number(v) : undefined)),
    from: ZDay,
    to: ZDay,
    // Issue 17: the licence the exporter states (into the manifest and card), and the zip bundle.
    licence: ZLicenceQuery,
    bundle: z
      .enum(["1", "0", "true", "false", ""], { message: "Use 1 or 0" })
      .optional()
      .transform((v) => v === "1" || v === "true"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    path: ["to"],
    message: "The end date is before the start date",
  });
export type TExportQuery = z.infer<typeof ZExportQuery>;
