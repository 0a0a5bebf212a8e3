export interface GroupMatch {
  start: number;
  end: number;
  value: string;
  match: RegExpExecArray;
}

/**
 * Iterates matches of a global regex, reporting the span of the named group `value` when present
 * (e.g. the id after "MRN:"), else of the whole match. Patterns need the `d` flag for group spans.
 */
export function* groupMatches(pattern: RegExp, text: string): Generator<GroupMatch> {
  if (!pattern.global) throw new Error(`pattern must be global: ${pattern.source}`);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const span = match.indices?.groups?.value;
    const [start, end] = span ?? [match.index, match.index + match[0].length];
    yield { start, end, value: text.slice(start, end), match };
  }
}

export function countDigits(text: string): number {
  let n = 0;
  for (const ch of text) if (ch >= "0" && ch <= "9") n++;
  return n;
}
