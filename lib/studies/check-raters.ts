import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";

/** Named raters must be active clinicians: anyone else could never claim, and the study would stall. */
export async function checkRaters(tx: TTx, raterIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(raterIds)];
  if (ids.length === 0) return ids;
  const found = await tx.user.count({ where: { id: { in: ids }, role: "CLINICIAN", status: "ACTIVE" } });
  if (found !== ids.length) {
    throw new AppError("VALIDATION", "Every rater must be an active clinician", {
      fieldErrors: { raterIds: ["Unknown or not an active clinician"] },
    });
  }
  return ids;
}
