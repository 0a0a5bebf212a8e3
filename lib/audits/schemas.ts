import { z } from "zod";
import { VERDICTS } from "./flags";

const ZVerdict = z.enum(VERDICTS, { message: "Choose accept, reject or revise" });

/** At most nine, so each has a number key on the review screen. */
export const ZFlags = z
  .array(
    z.object({
      key: z.string().regex(/^[a-z0-9_]{1,40}$/, "Flag keys are lowercase letters, digits and _"),
      label: z.string().trim().min(1).max(100),
    }),
  )
  .min(1)
  .max(9)
  .refine((f) => new Set(f.map((x) => x.key)).size === f.length, "Flag keys must be unique");

/** The body of PUT /api/v1/audits/:id/flags. */
export const ZUpdateFlags = z.object({ flags: ZFlags });
export type TUpdateFlags = z.infer<typeof ZUpdateFlags>;

export const ZCreateCampaign = z
  .object({
    datasetId: z.uuid({ message: "Choose a dataset" }),
    name: z.string().trim().min(1).max(200).optional(),
    sampleSize: z.number().int().min(1).max(20_000).optional(),
    // 1 means every record ("all records"); a fixed size larger than the dataset is refused instead.
    sampleFraction: z.number().gt(0, "A fraction above 0").max(1, "At most 1 (all records)").optional(),
    strata: z.string().trim().min(1).max(100).optional(),
    seed: z.union([z.string().trim().min(1).max(100), z.number().int()]).transform(String),
    reviewersPerItem: z.number().int().min(1).max(10).default(2),
    flags: ZFlags.optional(),
    leaseMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    gold: z
      .array(
        z.object({
          recordOrdinal: z
            .number({ error: "Give the record's number (its line in the file)" })
            .int("A record number is a whole number")
            .min(1, "Record numbers start at 1"),
          verdict: ZVerdict,
        }),
      )
      .max(200, "At most 200 gold items")
      .default([])
      .superRefine((gold, ctx) => {
        const seen = new Set<number>();
        for (const g of gold) {
          if (seen.has(g.recordOrdinal))
            ctx.addIssue({
              code: "custom",
              message: `Record ${g.recordOrdinal} is listed twice as a gold item`,
            });
          seen.add(g.recordOrdinal);
        }
      }),
  })
  .refine((v) => (v.sampleSize === undefined) !== (v.sampleFraction === undefined), {
    message: "Give either sampleSize or sampleFraction",
    path: ["sampleSize"],
  });
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;

export const ZCampaignParams = z.object({ id: z.uuid({ message: "Unknown campaign" }) });
export const ZAssignmentParams = z.object({ id: z.uuid({ message: "Unknown assignment" }) });
export const ZItemParams = z.object({
  id: z.uuid({ message: "Unknown campaign" }),
  itemId: z.uuid({ message: "Unknown item" }),
});

export const ZReview = z.object({
  verdict: ZVerdict,
  flags: z.array(z.string().max(40)).max(9).default([]),
  correctedOutput: z.string().max(100_000).optional(),
  rationale: z.string().max(5_000).optional(),
  durationMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000)
    .optional(),
  /** The reviewer confirms that possible identifiers in what they wrote are not PHI. */
  phiConfirmed: z.boolean().optional(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZDraft = z.object({
  verdict: ZVerdict.nullable().optional(),
  flags: z.array(z.string().max(40)).max(9).optional(),
  correctedOutput: z.string().max(100_000).optional(),
  rationale: z.string().max(5_000).optional(),
  elapsedMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 3_600_000)
    .optional(),
});

export const ZAdjudicate = z.object({
  verdict: ZVerdict,
  flags: z.array(z.string().max(40)).max(9).default([]),
  correctedOutput: z.string().max(100_000).optional(),
  phiConfirmed: z.boolean().optional(),
});

/** The named reviewers of a campaign; [] opens it to every reviewer (as ZStudyRaters for studies). */
export const ZCampaignReviewers = z.object({
  reviewerIds: z.array(z.uuid({ message: "Unknown user" })).max(500),
});
export type TCampaignReviewers = z.infer<typeof ZCampaignReviewers>;
