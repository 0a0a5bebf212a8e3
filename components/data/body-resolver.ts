import type { FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/** The error type of what `precheck` found, so a form can word it apart from the schema's. */
export const PRECHECK = "precheck";

/** Errors the schema cannot see (a line the form could not read, a file not chosen), by field. */
export type TPrecheck<TValues> = (values: TValues) => Record<string, string> | null;

/**
 * A react-hook-form resolver that validates with the server's own Z… schema. A form holds what
 * was typed (strings, checkboxes); `toBody` turns that into the request body, typed by the
 * schema's input, and the schema judges the body. Errors are keyed by the body's path
 * (`title`, `gold.3.verdict`) exactly as the API keys its problem `errors` (lib/errors/parse-input.ts),
 * so a client refusal and a server refusal show in the same place. On success the submit handler
 * gets the body as built (not the parsed output): the request is the one the API validates again.
 */
export function bodyResolver<TValues extends FieldValues, S extends z.ZodType, TBody extends z.input<S>>(
  schema: S,
  toBody: (values: TValues) => TBody,
  precheck?: TPrecheck<TValues>,
): Resolver<TValues, unknown, TBody> {
  return (values) => {
    const early = precheck?.(values) ?? {};
    const body = toBody(values);
    const parsed = schema.safeParse(body);
    if (parsed.success && !Object.keys(early).length) return { values: body, errors: {} };
    const found: Record<string, string[]> = {};
    for (const issue of parsed.error?.issues ?? []) {
      const key = issue.path.length ? issue.path.join(".") : "_";
      (found[key] ??= []).push(issue.message);
    }
    const joined = Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.join("; ")]));
    // What the form itself could not read is said first, in its own words.
    return {
      values: {},
      errors: { ...asFieldErrors<TValues>(joined, "validate"), ...asFieldErrors<TValues>(early, PRECHECK) },
    };
  };
}

function asFieldErrors<TValues extends FieldValues>(
  found: Record<string, string>,
  type: string,
): FieldErrors<TValues> {
  const out: Record<string, { type: string; message: string }> = {};
  for (const [k, message] of Object.entries(found)) out[k] = { type, message };
  // Keys are body paths, which need not be registered inputs (sampleSize from the "amount" box):
  // kept flat, as the API sends them, rather than nested the way react-hook-form nests names.
  return out as FieldErrors<TValues>;
}

/** The messages of a form's errors by field, in the shape the API's problem `errors` have. */
export function messagesOf(
  errors: Record<string, { message?: unknown } | undefined>,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, e] of Object.entries(errors))
    if (e && typeof e.message === "string" && e.message) out[k] = [e.message];
  return out;
}

/** The messages for one field: its own key and its items' (`criteria`, `criteria.0`). */
export function errorsFor(
  errors: Record<string, { message?: unknown } | undefined>,
  name: string,
): string[] | undefined {
  const found = Object.entries(messagesOf(errors))
    .filter(([k]) => k === name || k.startsWith(`${name}.`))
    .flatMap(([, v]) => v);
  return found.length ? found : undefined;
}
