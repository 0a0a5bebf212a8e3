import { z } from "zod";

const ZOptionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => (v ? v : undefined));
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LAST_MS_OF_DAY = 24 * 3_600_000 - 1;

/**
 * A bound of the time filter. A date-only `to` (what the date picker sends) means "up to and
 * including that day" (UTC, like a date-only `from`), so it becomes the day's last millisecond:
 * AuditLog.at is TIMESTAMP(3), so `lte` that instant covers the whole day and nothing after.
 */
const ZOptionalDate = (bound: "from" | "to") =>
  z
    .string()
    .optional()
    .transform((v, c) => {
      const text = v?.trim();
      if (!text) return undefined;
      const d = new Date(text);
      if (Number.isNaN(d.getTime())) {
        c.addIssue({ code: "custom", message: "Use a date like 2026-01-31" });
        return z.NEVER;
      }
      return bound === "to" && DATE_ONLY.test(text) ? new Date(d.getTime() + LAST_MS_OF_DAY) : d;
    });

export const ZAuditFilter = z.object({
  action: ZOptionalText,
  actor: ZOptionalText,
  entityType: ZOptionalText,
  entityId: ZOptionalText,
  from: ZOptionalDate("from"),
  to: ZOptionalDate("to"),
  before: z.coerce.number().int().positive().optional(),
});

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
