import { z } from "zod";
import { VOCABULARY_KINDS } from "./kinds";

export { TERMS_PAGE_SIZE, VOCABULARY_KIND_LABEL, VOCABULARY_KINDS, type TVocabularyKind } from "./kinds";

export const ZVocabularyKind = z.enum(VOCABULARY_KINDS);

const ZLabel = z
  .string()
  .trim()
  .min(1, "Enter a label")
  .max(120, "At most 120 characters")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Control characters are not allowed");

const ZTermId = z.uuid({ message: "Choose a term" });

export const ZAddTerm = z.object({ kind: ZVocabularyKind, label: ZLabel });
export type TAddTerm = z.infer<typeof ZAddTerm>;

export const ZAddAlias = z.object({ termId: ZTermId, alias: ZLabel });
export type TAddAlias = z.infer<typeof ZAddAlias>;

export const ZRemoveAlias = z.object({
  termId: ZTermId,
  alias: z.string().min(1, "Choose an alias").max(120),
});
export type TRemoveAlias = z.infer<typeof ZRemoveAlias>;

// A checkbox sends "on" when ticked and nothing when not.
const ZCheckbox = z
  .union([z.boolean(), z.literal("on"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on");

export const ZRenameTerm = z.object({ termId: ZTermId, label: ZLabel, keepOldAsAlias: ZCheckbox });
export type TRenameTerm = z.infer<typeof ZRenameTerm>;

export const ZRetireTerm = z.object({
  termId: ZTermId,
  replacementId: z
    .union([z.uuid({ message: "Choose a term" }), z.literal("")])
    .optional()
    .transform((v) => v || null),
});
export type TRetireTerm = z.infer<typeof ZRetireTerm>;

export const ZRestoreTerm = z.object({ termId: ZTermId });
export type TRestoreTerm = z.infer<typeof ZRestoreTerm>;

/** One decision of the import screen: these spellings become aliases of a live term, or one new term. */
export const ZLabelMapping = z.discriminatedUnion("action", [
  z.object({
    action: z.literal("alias"),
    kind: ZVocabularyKind,
    termId: ZTermId,
    spellings: z.array(ZLabel).min(1, "Give at least one spelling").max(100),
  }),
  z.object({
    action: z.literal("new"),
    kind: ZVocabularyKind,
    label: ZLabel,
    aliases: z.array(ZLabel).max(100).default([]),
  }),
]);
export type TLabelMapping = z.infer<typeof ZLabelMapping>;

export const ZApplyMappings = z.object({
  mappings: z.array(ZLabelMapping).min(1, "Choose at least one mapping").max(2000),
});
export type TApplyMappings = z.infer<typeof ZApplyMappings>;

/** The vocabulary page's list: a kind, a search, a page size and the last row seen. */
export const ZListTermsQuery = z.object({
  kind: ZVocabularyKind.optional(),
  status: z.enum(["live", "retired"]).default("live"),
  q: z.string().trim().max(120).default(""),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});
export type TListTermsQuery = z.infer<typeof ZListTermsQuery>;

export const ZTermIdParams = z.object({ id: ZTermId });
