import { AppError } from "@/lib/errors/app-error";
import { titleNamesModel } from "@/lib/studies/title-names-model";

/**
 * Guidelines are rater-facing, so a study's may name no model of the study or vendor (the title's
 * rule, title-names-model.ts): refused with a field error on the text that names one.
 */
export function checkGuidelinesBlinding(
  texts: { field: string; text: string }[],
  models: readonly string[],
): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const { field, text } of texts) {
    const named = titleNamesModel(text, models);
    if (named.length)
      fieldErrors[field] = [
        `Raters read this, and it names ${named.map((n) => `“${n}”`).join(", ")}: name no model or vendor`,
      ];
  }
  if (Object.keys(fieldErrors).length)
    throw new AppError("VALIDATION", "The guidelines name a model of the study", { fieldErrors });
}
