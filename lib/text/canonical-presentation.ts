/**
 * The one form in which a rater sees a model's text. Models have formatting habits (claude-2 opens
 * every answer with a space, text-davinci-003 with blank lines, some emit CRLF or trailing spaces,
 * some indent everything): shown as imported, a rater learns after a few pairs which side is which
 * model. Both responses of a pair (and the prompt) go through this before they reach a rater, so
 * the habits vanish; what is stored and exported stays as imported.
 *
 * Order matters. Common indentation is removed before the text is trimmed: trimming first would
 * strip the first line's indent only and leave the others' ("  a\n    b" must become "a\n  b").
 * Trimming then removes what is left before the first non-blank character, including the lone
 * leading space of the first line (" The answer…\nline 2"), and leading blank lines.
 *
 * Idempotent: the result's first line starts with a non-blank character, so a second pass finds
 * no common indentation, no trailing blanks and nothing to trim.
 */
export function canonicalPresentation(text: string): string {
  const lines = text
    // Zero-width characters and a byte-order mark render as nothing but differ in bytes.
    .replace(/[\u200B\u200C\u200D\u2060\uFEFF]/g, "")
    .replace(/\r\n?|[\f\v\u2028\u2029\u0085]/g, "\n")
    .split("\n")
    // Any horizontal whitespace (no-break and ideographic spaces too), not only spaces and tabs.
    .map((line) => line.replace(/[^\S\n]+$/, ""));
  const indent = commonIndent(lines);
  const dedented = indent
    ? lines.map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line))
    : lines;
  // Runs of blank lines are one paragraph break: some models habitually leave two or three.
  return dedented
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The longest run of horizontal whitespace that starts every non-blank line (blank lines are "" here). */
function commonIndent(lines: readonly string[]): string {
  let common: string | null = null;
  for (const line of lines) {
    if (line === "") continue;
    const own = /^[^\S\n]*/.exec(line)?.[0] ?? "";
    if (common === null) common = own;
    else {
      let i = 0;
      while (i < common.length && i < own.length && common[i] === own[i]) i++;
      common = common.slice(0, i);
    }
    if (common === "") return "";
  }
  return common ?? "";
}
