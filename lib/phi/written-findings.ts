import { wordDiff } from "@/lib/audits/word-diff";
import { trimCommonEnds } from "@/lib/text/trim-common-ends";
import { detectPhi } from "./detect";
import { phiMatchKey } from "./fingerprint";
import type { PhiKind } from "./types";

/** A possible identifier in what a person wrote: offsets into that field's text, never the text itself. */
export interface TWrittenFinding {
  field: string;
  kind: PhiKind;
  start: number;
  end: number;
}

/** One field a person submits, and the texts it may have started from (a model's output, a colleague's correction). */
export interface TWrittenText {
  field: string;
  text: string | null | undefined;
  baselines?: readonly (string | null | undefined)[];
}

/** [start, end) ranges of `after` that are not copied unchanged from `before`. */
export function changedRanges(before: string, after: string): [number, number][] {
  // A correction is mostly a copy, and the LCS inside wordDiff is quadratic (and gives up on very
  // long texts), so it sees only the edited middle.
  const t = trimCommonEnds(before, after);
  let offset = t.head.length;
  const ranges: [number, number][] = [];
  for (const part of wordDiff(t.before, t.after)) {
    if (part.kind === "removed") continue;
    const end = offset + part.text.length;
    if (part.kind === "added") ranges.push([offset, end]);
    offset = end;
  }
  return ranges;
}

/**
 * The possible identifiers a person added or changed in one field. A finding copied from a
 * baseline is left out only when its whole span is unchanged text AND the same identifier is
 * found in that baseline: a word that became a name because a title was typed before it
 * ("Smith" → "Mr. Smith") is new PHI even though the word itself was copied.
 */
export function writtenFindings({ field, text, baselines = [] }: TWrittenText): TWrittenFinding[] {
  if (!text) return [];
  const found = detectPhi(text);
  if (found.length === 0) return [];
  const copies = baselines
    .filter((b): b is string => typeof b === "string" && b.length > 0)
    .map((b) => ({
      ranges: changedRanges(b, text),
      keys: new Set(detectPhi(b).map((f) => phiMatchKey(f.kind, f.text))),
    }));
  return found
    .filter(
      (f) =>
        !copies.some(
          (c) =>
            c.keys.has(phiMatchKey(f.kind, f.text)) && !c.ranges.some(([s, e]) => f.start < e && s < f.end),
        ),
    )
    .map((f) => ({ field, kind: f.kind, start: f.start, end: f.end }));
}

/** Every field's new findings, in the order the fields were given. */
export function writtenFindingsOf(fields: readonly TWrittenText[]): TWrittenFinding[] {
  return fields.flatMap(writtenFindings);
}
