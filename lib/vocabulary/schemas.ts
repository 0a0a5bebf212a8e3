import { z } from "zod";

export const VOCABULARY_KINDS = ["TOPIC", "VIEW", "TYPE"] as const;
export const ZVocabularyKind = z.enum(VOCABULARY_KINDS);
export type TVocabularyKind = z.infer<typeof ZVocabularyKind>;

const ZLabel = z
  .string()
  .trim()
  .min(1, "Enter a label")
  .max(120, "At most 120 characters")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "Control characters are not allowed");

export const ZAddTerm = z.object({ kind: ZVocabularyKind, label: ZLabel });
export type TAddTerm = z.infer<typeof ZAddTerm>;

export const ZAddAlias = z.object({ termId: z.uuid({ message: "Choose a term" }), alias: ZLabel });
export type TAddAlias = z.infer<typeof ZAddAlias>;

export const VOCABULARY_KIND_LABEL: Record<TVocabularyKind, string> = { TOPIC: "Topic", VIEW: "View", TYPE: "Type" };
