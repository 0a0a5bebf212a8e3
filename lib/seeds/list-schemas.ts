import { z } from "zod";

const ZOptionalId = z
  .union([z.uuid(), z.literal("")])
  .optional()
  .transform((v) => v || undefined);

export const ZSeedListQuery = z.object({
  q: z
    .string()
    .max(200)
    .optional()
    .transform((v) => v?.trim() || undefined),
  status: z
    .enum(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "RETIRED", ""])
    .optional()
    .transform((v) => v || undefined),
  topicId: ZOptionalId,
  typeId: ZOptionalId,
  viewId: ZOptionalId,
  difficulty: z
    .enum(["1", "2", "3", "4", "5", ""])
    .optional()
    .transform((v) => (v ? Number(v) : undefined)),
  // "mine": the review inbox, others' submitted seeds I have not reviewed at their current version.
  review: z
    .enum(["mine", ""])
    .optional()
    .transform((v) => v || undefined),
  // By age (time since submission, else creation); the inbox defaults to oldest first.
  sort: z
    .enum(["oldest", "newest", ""])
    .optional()
    .transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type TSeedListQuery = z.infer<typeof ZSeedListQuery>;
