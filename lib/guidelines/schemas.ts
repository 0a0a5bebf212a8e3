import { z } from "zod";

/** The longest guidelines and definition an admin may save (also what the editor allows). */
export const GUIDELINES_MAX = 20_000;
export const DEFINITION_MAX = 1_000;

/** A save: the markdown, a definition per flag or criterion key, and the version the editor started from. */
export const ZSaveGuidelines = z.object({
  guidelines: z.string().max(GUIDELINES_MAX),
  definitions: z
    .record(z.string().regex(/^[a-z0-9_]{1,40}$/, "Unknown key"), z.string().max(DEFINITION_MAX))
    .default({}),
  // The version the admin edited (null: there was none): a save over someone else's newer one is a 409.
  baseVersion: z.number().int().min(1).nullable().optional(),
});
export type TSaveGuidelines = z.infer<typeof ZSaveGuidelines>;

/** The rater's "I have read version N". */
export const ZAcknowledgeGuidelines = z.object({ version: z.number().int().min(1) });
export type TAcknowledgeGuidelines = z.infer<typeof ZAcknowledgeGuidelines>;

/** A flag (audits) or criterion (studies) with its definition under a version. */
export type TDefinedItem = { key: string; label: string; definition: string };

/** What a rater's work screen reads (GET …/guidelines). */
export type TRaterGuidelines = {
  version: number | null;
  guidelines: string;
  items: TDefinedItem[];
  acknowledgedVersion: number | null;
  /** A version exists and the caller has not acknowledged it: the claim answers 409 until they do. */
  mustAcknowledge: boolean;
};

/** One saved version, for the admin's history (GET …/guidelines/versions). */
export type TGuidelineVersion = {
  version: number;
  guidelines: string;
  definitions: Record<string, string>;
  createdAt: string;
  createdBy: string;
};

export type TGuidelineHistory = {
  items: { key: string; label: string }[];
  editable: boolean;
  versions: TGuidelineVersion[];
};
