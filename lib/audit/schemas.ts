import { z } from "zod";

const ZOptionalText = z.string().trim().max(200).optional().transform((v) => (v ? v : undefined));
const ZOptionalDate = z
  .string()
  .optional()
  .transform((v, c) => {
    if (!v) return undefined;
    const d = new Date(v);
    if (Number.isNaN(d.getTime())) {
      c.addIssue({ code: "custom", message: "Use a date like 2026-01-31" });
      return z.NEVER;
    }
    return d;
  });

export const ZAuditFilter = z.object({
  action: ZOptionalText,
  actor: ZOptionalText,
  entityType: ZOptionalText,
  entityId: ZOptionalText,
  from: ZOptionalDate,
  to: ZOptionalDate,
  before: z.coerce.number().int().positive().optional(),
});

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
