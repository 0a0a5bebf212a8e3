import { redactAll } from "@/lib/phi/redact";

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

type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

/** The same, in every string of a JSON value (an autosaved draft); reports whether anything changed. */
export function redactLiteralsInJson(value: unknown, literals: readonly TLiteral[]): { value: TJson; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): TJson => {
    if (typeof v === "string") {
      const r = redactLiterals(v, literals);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return typeof v === "number" || typeof v === "boolean" ? v : null;
  };
  return { value: walk(value), changed };
}
