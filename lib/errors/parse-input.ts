import type { z } from "zod";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";

export function fieldErrorsOf(error: z.ZodError): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

/** Validates service input; a failure is a 422 with one message per field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: fieldErrorsOf(r.error) });
  return r.data;
}
