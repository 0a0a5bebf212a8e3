import type { PhiCandidate } from "./types";

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Widens each span to whole grapheme clusters (what a reader sees as one character): a mark that
 * ended before a combining diacritic ("شكراً", "é" written as e + ◌́), inside an emoji sequence or
 * between surrogate halves would leave half a character on each side of a highlight or a redaction.
 */
export function snapToGraphemes(text: string, candidates: PhiCandidate[]): PhiCandidate[] {
  if (candidates.length === 0) return candidates;
  const segments = GRAPHEMES.segment(text);
  return candidates.map((c) => {
    const first = segments.containing(c.start);
    const start = first ? first.index : c.start;
    const after = c.end < text.length ? segments.containing(c.end) : undefined;
    const end = after && after.index < c.end ? after.index + after.segment.length : c.end;
    return start === c.start && end === c.end ? c : { ...c, start, end };
  });
}
