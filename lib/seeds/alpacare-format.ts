import { findUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/text/storable-text";
import { z } from "zod";

/** AlpaCare writes an empty input as this literal. */
export const NO_INPUT = "<noinput>";
export const MAX_IMPORT_RECORDS = 5_000;

const ZText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((s) => findUnstorableText(s) === null, `Text that ${UNSTORABLE_MESSAGE}`);

const ZLabel = z.string().trim().min(1, "Required").max(120, "At most 120 characters");

/** One seed as in AlpaCare's med_seed.json (every value a string); id/version come from our own export. */
export const ZAlpacaSeed = z.strictObject({
  topic: ZLabel,
  view: ZLabel,
  type: ZLabel,
  instruction: ZText(10_000)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "Required")),
  input: ZText(20_000).transform((s) => (s.trim() === NO_INPUT ? "" : s.trim())),
  difficulty: z
    .union([z.string().trim(), z.number()])
    .transform((v) => Number(v))
    .pipe(z.number({ message: "Use 1 to 5" }).int("Use 1 to 5").min(1, "Use 1 to 5").max(5, "Use 1 to 5")),
  id: z.string().max(100).optional(),
  version: z.number().int().optional(),
});
export type TAlpacaSeed = z.infer<typeof ZAlpacaSeed>;

/** The exported record: AlpaCare's six keys and value types first, then ours. */
export type TAlpacaExport = {
  topic: string;
  view: string;
  type: string;
  instruction: string;
  input: string;
  difficulty: string;
  id: string;
  version: number;
};

/** One record of med_seed.json itself: the JSON-array export writes exactly this. */
export type TMedSeed = Omit<TAlpacaExport, "id" | "version">;
