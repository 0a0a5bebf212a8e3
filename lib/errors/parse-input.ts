import type { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { findUnstorableValue, NON_FINITE_MESSAGE, UNSTORABLE_MESSAGE } from "@/lib/text/storable-text";

export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/**
 * Field errors for text PostgreSQL cannot store (NUL, lone surrogates) and numbers too large to
 * store (1e400, which free-form JSON fields would keep as null), or null. Checked on every
 * validated input, so no schema can forget it and no write fails late as a 500 or alters a value.
 */
export function unstorableFieldErrors(data: unknown): TFieldErrors | null {
  const found = findUnstorableValue(data);
  if (!found) return null;
  return {
    [found.path]: [found.problem === "text" ? `This text ${UNSTORABLE_MESSAGE}` : NON_FINITE_MESSAGE],
  };
}

/** Validates service input; a failure is a 422 with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success)
    throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: fieldErrorsOf(r.error) });
  const unstorable = unstorableFieldErrors(r.data);
  if (unstorable) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: unstorable });
  return r.data;
}
