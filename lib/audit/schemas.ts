import { z } from "zod";
import { AUDIT_ENTITY_TYPES, LEGACY_AUDIT_SPELLINGS } from "./vocabulary";

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

/** Blank form fields arrive as "": read as "no filter". */
const blankAsUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/**
 * An action of the vocabulary (matched exactly) or the start of one ending in a dot ("user."):
 * anything else (free text, SQL, a typo such as "user.rol") is a 400, never a silently empty page.
 */
const ZActionFilter = z.preprocess(
  blankAsUndefined,
  z
    .string()
    .trim()
    .max(80)
    .regex(
      /^[a-z][a-z_]*\.(?:[a-z][a-z_]*)?$/,
      "Use an action such as user.role_change, or a prefix such as user.",
    )
    .optional(),
);

const ENTITY_TYPE_SPELLINGS = [...AUDIT_ENTITY_TYPES, ...Object.keys(LEGACY_AUDIT_SPELLINGS.entityType)] as [
  string,
  ...string[],
];

export const ZAuditFilter = z.object({
  action: ZActionFilter,
  actor: ZOptionalText,
  /** One person, by id (the trail's own links filter by the person they name). */
  actorId: z.preprocess(blankAsUndefined, z.string().uuid().optional()),
  entityType: z.preprocess(blankAsUndefined, z.enum(ENTITY_TYPE_SPELLINGS).optional()),
  entityId: ZOptionalText,
  from: ZOptionalDate("from"),
  to: ZOptionalDate("to"),
  before: z.coerce.number().int().positive().optional(),
});

export type TAuditFilter = z.infer<typeof ZAuditFilter>;
