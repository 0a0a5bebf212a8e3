import { z } from "zod";

const ZOptionalTermId = z
  .union([z.uuid({ message: "Choose a term" }), z.literal("")])
  .optional()
  .transform((v) => (v ? v : null));

const ZOptionalText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .optional()
    .transform((v) => (v ?? "").trim());

/** The editable fields; drafts may be incomplete, submission checks completeness (ZCompleteSeed). */
export const ZSeedFields = z.object({
  topicId: ZOptionalTermId,
  viewId: ZOptionalTermId,
  typeId: ZOptionalTermId,
  instruction: ZOptionalText(10_000),
  input: ZOptionalText(20_000),
  difficulty: z
    .union([z.number(), z.string()])
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : Number(v)))
    .pipe(z.number().int("Use 1 to 5").min(1, "Use 1 to 5").max(5, "Use 1 to 5").nullable()),
  referenceAnswer: ZOptionalText(20_000),
  specialtyTags: z
    .union([z.array(z.string()), z.string()])
    .optional()
    .transform((v) => [
      ...new Set((typeof v === "string" ? v.split(",") : (v ?? [])).map((t) => t.trim()).filter(Boolean)),
    ])
    .pipe(z.array(z.string().max(60, "Tags are at most 60 characters")).max(20, "At most 20 tags")),
  authorNotes: ZOptionalText(5_000),
  duplicateReason: ZOptionalText(1_000),
});
export type TSeedFields = z.infer<typeof ZSeedFields>;

/**
 * What the seed editor checks before it saves by hand: the server's own field rules (this module
 * imports nothing server-side, so the client validates with it), plus the editor's two: a saved
 * version has an instruction, and an empty input is left empty (the export writes <noinput>).
 */
export const ZSeedEditorForm = ZSeedFields.superRefine((f, ctx) => {
  if (!f.instruction)
    ctx.addIssue({ code: "custom", path: ["instruction"], message: "Write the instruction" });
  if (f.input === "<noinput>") {
    ctx.addIssue({
      code: "custom",
      path: ["input"],
      message: "Leave the input empty instead of writing <noinput>",
    });
  }
});

const ZBaseVersion = z.coerce.number({ message: "Missing base version" }).int().min(1);

export const ZSaveSeed = ZSeedFields.extend({ baseVersion: ZBaseVersion });
export type TSaveSeed = z.infer<typeof ZSaveSeed>;

export const ZSubmitSeed = z.object({ baseVersion: ZBaseVersion });

export const ZReviewSeed = z
  .object({
    baseVersion: ZBaseVersion,
    decision: z.enum(["APPROVE", "REQUEST_CHANGES"]),
    comment: z
      .string()
      .max(5_000)
      .optional()
      .transform((v) => (v ?? "").trim()),
    /** The reviewer confirms that possible identifiers in the comment are not PHI. */
    phiConfirmed: z.boolean().optional(),
  })
  .refine((r) => r.decision === "APPROVE" || r.comment.length > 0, {
    path: ["comment"],
    message: "Say what should change",
  });
export type TReviewSeed = z.infer<typeof ZReviewSeed>;

export const ZAutosaveDraft = z.object({
  baseVersion: ZBaseVersion,
  payload: z.record(z.string(), z.unknown()),
});

export const ZSeedId = z.object({ id: z.uuid({ message: "Unknown seed" }) });
