/** A short piece of a text around one span, with the span's offsets inside the piece. */
export type TContextSnippet = {
  text: string;
  start: number;
  end: number;
  clippedBefore: boolean;
  clippedAfter: boolean;
};

/**
 * Up to `radius` characters either side of [start, end), cut at a word boundary when one is near,
 * so an admin can judge a finding without reading the whole text.
 */
export function contextSnippet(text: string, start: number, end: number, radius = 60): TContextSnippet {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space >= end) to = space;
  }
  return {
    text: text.slice(from, to),
    start: start - from,
    end: end - from,
    clippedBefore: from > 0,
    clippedAfter: to < text.length,
  };
}
