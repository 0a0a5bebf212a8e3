import { AppError } from "@/lib/errors/app-error";
import { titleNamesModel, titleNamesModelMessage } from "@/lib/studies/title-names-model";

/** Refuses (422, on the title field) a rater-facing title that names a model of the study or a vendor. */
export function checkTitle(title: string, models: readonly string[]): void {
  const named = titleNamesModel(title, models);
  if (named.length)
    throw new AppError("VALIDATION", titleNamesModelMessage(named), {
      fieldErrors: { title: [titleNamesModelMessage(named)] },
    });
}

export const defaultStudyTitle = (number: number) => `Study ${number}`;
