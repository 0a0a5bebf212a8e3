import { redactAll } from "@/lib/phi/redact";
import { mapJsonStrings, type TJson } from "@/lib/phi/map-json-strings";

/** One identifier found in a stored text: its literal and its kind. Never stored or logged. */
export type TLiteral = { text: string; kind: string };

/** `[REDACTED PERSON NAME]`: a reader of the redacted text still sees what kind of thing was there. */
export function placeholderFor(kind: string): string {
  return `[REDACTED ${kind.replace(/_/g, " ").toUpperCase()}]`;
}

/**
 * Every occurrence of each literal replaced by its kind's placeholder. Longest literal first, so
 * "John Smith" is not left as "[REDACTED PERSON NAME] Smith" by an earlier "John".
 */
export function redactLiterals(text: string, literals: readonly TLiteral[]): string {
  const sorted = [...literals].filter((l) => l.text.length > 0).sort((a, b) => b.text.length - a.text.length);
  return sorted.reduce((out, l) => redactAll(out, [l.text], placeholderFor(l.kind)), text);
}

/** The same, in every string of a JSON value (an autosaved draft); reports whether anything changed. */
export function redactLiteralsInJson(
  value: unknown,
  literals: readonly TLiteral[],
): { value: TJson; changed: boolean } {
  return mapJsonStrings(value, (s) => redactLiterals(s, literals));
}
