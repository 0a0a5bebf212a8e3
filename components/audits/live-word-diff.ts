import { wordDiff, type TDiffPart } from "@/lib/audits/word-diff";

const tokens = (text: string) => text.split(/(\s+)/).filter((t) => t !== "");

/**
 * wordDiff for a correction being typed: the common head and tail are cut off first, so each
 * keystroke in a 4,000-character answer compares only the edited middle (wordDiff's LCS is
 * quadratic). Same result as wordDiff wherever the edit is one contiguous region.
 */
export function liveWordDiff(before: string, after: string): TDiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const middle = wordDiff(a.slice(head, a.length - tail).join(""), b.slice(head, b.length - tail).join(""));
  const parts: TDiffPart[] = [];
  const push = (p: TDiffPart) => {
    const last = parts[parts.length - 1];
    if (!p.text) return;
    if (last && last.kind === p.kind) last.text += p.text;
    else parts.push({ ...p });
  };
  push({ kind: "same", text: a.slice(0, head).join("") });
  middle.forEach(push);
  push({ kind: "same", text: a.slice(a.length - tail).join("") });
  return parts;
}

export type TOffsetSpan = { kind: string; start: number; end: number };

/** The spans that fall in [from, from + length), relative to `from`. */
export function spansWithin(spans: readonly TOffsetSpan[], from: number, length: number): TOffsetSpan[] {
  return spans
    .filter((s) => s.end > from && s.start < from + length)
    .map((s) => ({ kind: s.kind, start: Math.max(0, s.start - from), end: Math.min(length, s.end - from) }));
}
