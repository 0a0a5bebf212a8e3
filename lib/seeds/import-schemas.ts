import { z } from "zod";

export const ZImportQuery = z.object({
  dryRun: z
    .enum(["0", "1"])
    .default("0")
    .transform((v) => v === "1")
    .describe("1: validate and report only; nothing is stored"),
  status: z
    .enum(["submitted", "approved"])
    .default("submitted")
    .describe(
      "approved (admins only, for an already curated set) approves only records without possible patient identifiers. " +
        "A record with a PHI finding is stored as submitted and listed in heldForReview: like any seed, it is approved " +
        "only once the identifier is removed or a reviewer rules each finding a false positive.",
    ),
  unknownLabels: z
    .enum(["reject", "add"])
    .default("reject")
    .describe(
      "reject: fail with the list of unknown labels; add: add them as new terms. Labels of retired terms always fail.",
    ),
});
export type TImportOptions = z.infer<typeof ZImportQuery>;
