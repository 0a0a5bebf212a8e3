import type { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { findUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/text/storable-text";

export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Field errors for text PostgreSQL cannot store (NUL, lone surrogates), or null. Checked on every
 * validated input, so no schema can forget it and no write fails late as a 500.
 */
export function unstorableFieldErrors(data: unknown): TFieldErrors | null {
  const path = findUnstorableText(data);
  return path === null ? null : { [path]: [`This text ${UNSTORABLE_MESSAGE}`] };
}

/** Validates service input; a failure is a 422 with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: fieldErrorsOf(r.error) });
  const unstorable = unstorableFieldErrors(r.data);
  if (unstorable) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: unstorable });
  return r.data;
}
