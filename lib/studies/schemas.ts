import { z } from "zod";

const ZCriterion = z.union([
  z
    .string()
    .trim()
    .min(1)
    .max(60)
    .transform((label) => ({ key: criterionKey(label), label, description: "" })),
  z.object({
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, "Use lower-case letters, digits and _"),
    label: z.string().trim().min(1).max(60),
    description: z.string().trim().max(500).default(""),
  }),
]);

export function criterionKey(label: string): string {
  return (
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_|_$/g, "")
      .slice(0, 40) || "criterion"
  );
}

export const ZAllocation = z.enum(["uniform", "adaptive"]);
export const ZAllocationGoal = z.enum(["ranking", "ratings"]);

/** A draft study's allocation (PUT /studies/:id/allocation); the goal is required when adaptive. */
export const ZStudyAllocation = z
  .object({ allocation: ZAllocation, allocationGoal: ZAllocationGoal.nullish() })
  .superRefine((v, c) => {
    if (v.allocation === "adaptive" && !v.allocationGoal)
      c.addIssue({
        code: "custom",
        path: ["allocationGoal"],
        message: "Choose what the adaptive study must settle: the ranking or the ratings",
      });
  });
export type TStudyAllocation = z.infer<typeof ZStudyAllocation>;

export const ZCreateStudy = z
  .object({
    name: z.string().trim().min(1).max(200),
    // What raters see instead of the name; empty or absent: "Study <number>".
    title: z.string().trim().max(200).optional(),
    criteria: z.array(ZCriterion).min(1).max(8),
    design: z.enum(["all_pairs", "vs_reference"]),
    reference: z.string().trim().min(1).max(200).optional(),
    ratingsPerComparison: z.number().int().min(1).max(20).default(1),
    allowTie: z.boolean().default(true),
    allowBothBad: z.boolean().default(true),
    rationale: z.enum(["off", "optional", "required"]).default("optional"),
    attentionCheckShare: z.number().min(0).max(0.5).default(0),
    repeatShare: z.number().min(0).max(0.5).default(0),
    leaseMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    raterIds: z.array(z.uuid()).max(500).optional(),
    seed: z.string().trim().min(1).max(100).optional(),
    // Issue 17: uniform hands comparisons out in the planned order; adaptive needs a goal.
    allocation: ZAllocation.default("uniform"),
    allocationGoal: ZAllocationGoal.nullish(),
  })
  .superRefine((v, c) => {
    if (v.allocation === "adaptive" && !v.allocationGoal)
      c.addIssue({
        code: "custom",
        path: ["allocationGoal"],
        message: "Choose what the adaptive study must settle: the ranking or the ratings",
      });
    if (v.design === "vs_reference" && !v.reference)
      c.addIssue({ code: "custom", path: ["reference"], message: "Name the reference model" });
    const keys = v.criteria.map((k) => k.key);
    if (new Set(keys).size !== keys.length)
      c.addIssue({ code: "custom", path: ["criteria"], message: "Criteria must be distinct" });
  });
export type TCreateStudy = z.infer<typeof ZCreateStudy>;
export type TCriterion = { key: string; label: string; description: string };

export const ZChoiceShown = z.enum(["A", "B", "tie", "both_bad"]);
export const ZJudgementInput = z.object({
  choices: z.record(z.string(), ZChoiceShown),
  rationale: z.string().trim().max(5000).optional(),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .optional(),
  /** The rater confirms that possible identifiers in the rationale are not PHI. */
  phiConfirmed: z.boolean().optional(),
});
export type TJudgementInput = z.infer<typeof ZJudgementInput>;

export const ZStudyId = z.object({ id: z.uuid({ message: "Unknown study" }) });
export const ZStudyAssignmentParams = z.object({
  id: z.uuid({ message: "Unknown study" }),
  assignmentId: z.uuid({ message: "Unknown assignment" }),
});

/** A half-filled rating in the rater's own terms (A = left response): safe to hand back to them. */
export const ZRatingDraft = z.object({
  choices: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/, "Unknown criterion"), ZChoiceShown).default({}),
  rationale: z.string().max(5000).default(""),
  elapsedMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600 * 1000)
    .default(0),
});
export type TRatingDraft = z.infer<typeof ZRatingDraft>;

export const ZStudyTitle = z.object({ title: z.string().trim().min(1, "Give a title").max(200) });
export type TStudyTitle = z.infer<typeof ZStudyTitle>;

/** The admin's explicit choice, before the start, to hand out outputs that name their model. */
export const ZIdentityRevealing = z.object({ include: z.boolean() });

export const ZStudyRaters = z.object({ raterIds: z.array(z.uuid({ message: "Unknown user" })).max(500) });
export type TStudyRaters = z.infer<typeof ZStudyRaters>;

/** The query of POST /api/v1/studies/:id/judge-annotations (the body is the annotations file). */
export const ZJudgeImportQuery = z.object({
  judge: z.string().trim().min(1, "Name the judge").max(100),
  criterion: z.string().trim().min(1).max(40),
});
export type TJudgeImportQuery = z.infer<typeof ZJudgeImportQuery>;

/** The query of POST /api/v1/studies/:id/outputs: the JSONL columns to take (empty: all). */
export const ZOutputsImportQuery = z.object({ models: z.string().max(2000).optional() });
export type TOutputsImportQuery = z.infer<typeof ZOutputsImportQuery>;
