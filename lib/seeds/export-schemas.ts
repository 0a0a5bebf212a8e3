import { z } from "zod";

export const ZExportQuery = z.object({
  status: z.enum(["approved"], { message: "Only approved seeds are exported" }).default("approved"),
  format: z.enum(["jsonl", "json"]).default("jsonl"),
});
export type TExportQuery = z.infer<typeof ZExportQuery>;
