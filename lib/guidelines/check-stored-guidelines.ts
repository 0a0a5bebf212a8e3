import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError } from "@/lib/errors/app-error";
import { checkGuidelinesBlinding } from "./check-blinding";

/**
 * A study's current guidelines against the models it has now: they were checked at save against
 * the models it had then, and outputs imported since may add a model they name. Called where the
 * title is re-checked (output import, start), so such a study cannot reach its raters.
 */
export async function checkStoredGuidelines(
  tx: TTx,
  studyId: string,
  models: readonly string[],
): Promise<void> {
  const current = await tx.guidelineVersion.findFirst({
    where: { studyId },
    orderBy: { version: "desc" },
    select: { guidelines: true, definitions: true },
  });
  if (!current) return;
  const definitions = Object.entries((current.definitions ?? {}) as Record<string, unknown>).filter(
    (e): e is [string, string] => typeof e[1] === "string",
  );
  try {
    checkGuidelinesBlinding(
      [
        { field: "guidelines", text: current.guidelines },
        ...definitions.map(([k, text]) => ({ field: `definitions.${k}`, text })),
      ],
      models,
    );
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const named = Object.values(err.fieldErrors ?? {}).flat();
    throw new AppError(
      "VALIDATION",
      `Raters read the guidelines: ${named[0] ?? "they name a model"}. Edit them first`,
    );
  }
}
