import { z } from "zod";

export const ZImportQuery = z.object({
  dryRun: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  status: z.enum(["submitted", "approved"]).default("submitted"),
  unknownLabels: z.enum(["reject", "add"]).default("reject"),
});
export type TImportOptions = z.infer<typeof ZImportQuery>;
