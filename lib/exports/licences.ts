import { z } from "zod";

/**
 * Licences offered at dataset import and seed export, spelled as Hugging Face dataset cards spell
 * them (`license:` in the YAML header). "other" says the terms are written elsewhere; nothing chosen
 * is "unknown" in the manifest and card.
 */
export const LICENCES = [
  "cc-by-4.0",
  "cc-by-sa-4.0",
  "cc-by-nc-4.0",
  "cc-by-nc-sa-4.0",
  "cc0-1.0",
  "apache-2.0",
  "mit",
  "other",
] as const;
export type TLicence = (typeof LICENCES)[number];

/** Optional in a query: "" or absent is no licence stated. */
export const ZLicenceQuery = z
  .union([z.enum(LICENCES, { message: `Use one of ${LICENCES.join(", ")}` }), z.literal("")])
  .optional()
  .transform((v) => v || undefined);
