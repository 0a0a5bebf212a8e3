import { wordDiff, type TDiffPart } from "@/lib/audits/word-diff";
import { trimCommonEnds } from "@/lib/text/trim-common-ends";

/**
 * wordDiff for a correction being typed: the common head and tail are cut off first, so each
 * keystroke in a 4,000-character answer compares only the edited middle (wordDiff's LCS is
 * quadratic). Same result as wordDiff wherever the edit is one contiguous region.
 */
export function liveWordDiff(before: string, after: string): TDiffPart[] {
  const t = trimCommonEnds(before, after);
  const parts: TDiffPart[] = [];
  const push = (p: TDiffPart) => {
    const last = parts[parts.length - 1];
    if (!p.text) return;
    if (last && last.kind === p.kind) last.text += p.text;
    else parts.push({ ...p });
  };
  push({ kind: "same", text: t.head });
  wordDiff(t.before, t.after).forEach(push);
  push({ kind: "same", text: t.tail });
  return parts;
}

export type TOffsetSpan = { kind: string; start: number; end: number };

/** The spans that fall in [from, from + length), relative to `from`. */
export function spansWithin(spans: readonly TOffsetSpan[], from: number, length: number): TOffsetSpan[] {
  return spans
    .filter((s) => s.end > from && s.start < from + length)
    .map((s) => ({ kind: s.kind, start: Math.max(0, s.start - from), end: Math.min(length, s.end - from) }));
}
