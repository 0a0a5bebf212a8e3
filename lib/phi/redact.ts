import type { PhiFinding, PhiKind } from "./types";

type Redactable = Pick<PhiFinding, "kind" | "start" | "end" | "text">;

/**
 * Replaces each finding's span with `[REDACTED:<kind>]`. Overlapping or adjacent-overlapping spans
 * are merged (the earliest finding's kind labels the merged span).
 *
 * If a finding no longer matches the text at its offsets (the text was edited after detection),
 * every literal occurrence of its text is redacted instead: silently skipping it could leak the
 * very value the reviewer asked to remove.
 */
export function redactPhi(text: string, findings: readonly Redactable[]): string {
  const spans: { start: number; end: number; kind: PhiKind }[] = [];
  const stale: Redactable[] = [];
  for (const f of findings) {
    if (f.start >= 0 && f.end <= text.length && f.start < f.end && text.slice(f.start, f.end) === f.text) {
      spans.push({ start: f.start, end: f.end, kind: f.kind });
    } else if (f.text.length > 0) {
      stale.push(f);
    }
  }
  for (const f of stale) {
    for (let at = text.indexOf(f.text); at >= 0; at = text.indexOf(f.text, at + f.text.length)) {
      spans.push({ start: at, end: at + f.text.length, kind: f.kind });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  let out = "";
  let cursor = 0;
  let current: (typeof spans)[number] | undefined;
  const flush = (span: (typeof spans)[number]): void => {
    out += `${text.slice(cursor, span.start)}[REDACTED:${span.kind}]`;
    cursor = span.end;
  };
  for (const span of spans) {
    if (current && span.start < current.end) {
      current.end = Math.max(current.end, span.end);
      continue;
    }
    if (current) flush(current);
    current = { ...span };
  }
  if (current) flush(current);
  return out + text.slice(cursor);
}

/**
 * Replaces every occurrence of each literal (exact, case-sensitive) with `replacement`, preferring
 * the longest literal at each position so "John Smith" is not left as "[REDACTED] Smith" by an
 * earlier "John". Used to scrub stored earlier versions of a text once a finding has been fixed.
 */
export function redactAll(text: string, literals: readonly string[], replacement = "[REDACTED]"): string {
  const unique = [...new Set(literals.filter((l) => l.length > 0))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return text;
  // Regex alternation tries branches in order, so longest-first ordering gives longest match.
  const pattern = new RegExp(unique.map(escapeRegExp).join("|"), "g");
  return text.replace(pattern, () => replacement);
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
