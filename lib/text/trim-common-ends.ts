export type TTrimmedEnds = { head: string; before: string; after: string; tail: string };

const tokens = (text: string) => text.split(/(\s+)/).filter((t) => t !== "");

/**
 * Splits two texts, at word and space boundaries, into their common head, the two differing
 * middles and their common tail (head + before + tail === before's text, likewise for after).
 * A correction is mostly a copy and word diffs are quadratic, so callers diff only the middles.
 */
export function trimCommonEnds(before: string, after: string): TTrimmedEnds {
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
  return {
    head: a.slice(0, head).join(""),
    before: a.slice(head, a.length - tail).join(""),
    after: b.slice(head, b.length - tail).join(""),
    tail: a.slice(a.length - tail).join(""),
  };
}
