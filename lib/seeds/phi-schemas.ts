import { z } from "zod";
import { PHI_FIELDS } from "./phi-findings";

export const ZPhiFinding = z.object({
  field: z.enum(PHI_FIELDS),
  fingerprint: z.string().min(1).max(200),
});
export type TPhiFindingRef = z.infer<typeof ZPhiFinding>;
