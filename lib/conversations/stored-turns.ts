import { z } from "zod";
import { TURN_ROLES, type TTurn } from "./types";

export const ZTurns = z.array(z.object({ role: z.enum(TURN_ROLES), content: z.string() }));

/**
 * Context turns as stored in a JSON column (DatasetRecord.context, StudyPrompt.context). Null for
 * single-text records; a value that is not turns is treated as none rather than shown half-read.
 */
export function readStoredTurns(value: unknown): TTurn[] | null {
  if (value === null || value === undefined) return null;
  const parsed = ZTurns.safeParse(value);
  return parsed.success ? parsed.data : null;
}
