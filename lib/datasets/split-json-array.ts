import type { TChunk } from "./split-lines";

type TPhase = "start" | "first" | "next" | "in" | "end";

/**
 * Streams the elements of a top-level JSON array as raw text, one at a time, without parsing or
 * holding the whole document. `index` is the 1-based element number. Structural errors (not an
 * array, trailing comma, unterminated) are yielded once and end the stream.
 */
export async function* splitJsonArray(
  texts: AsyncIterable<string>,
  maxElementChars: number,
): AsyncGenerator<TChunk> {
  let phase: TPhase = "start";
  let index = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let buffer = "";
  let oversized = false;

  const finish = (): TChunk => {
    const out: TChunk = oversized
      ? { kind: "error", index, reason: `record is longer than ${maxElementChars} characters` }
      : { kind: "item", text: buffer, index };
    buffer = "";
    oversized = false;
    return out;
  };

  for await (const text of texts) {
    let segStart = phase === "in" ? 0 : -1;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (phase === "in") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === "\\") escaped = true;
          else if (c === '"') inString = false;
          continue;
        }
        if (c === '"') inString = true;
        else if (c === "{" || c === "[") depth += 1;
        else if ((c === "}" || c === "]") && depth > 0) depth -= 1;
        else if (depth === 0 && (c === "," || c === "]")) {
          if (!oversized && segStart >= 0) buffer += text.slice(segStart, i);
          segStart = -1;
          yield finish();
          phase = c === "," ? "next" : "end";
        }
        continue;
      }
      const ws = c === " " || c === "\n" || c === "\r" || c === "\t" || c === "\uFEFF";
      if (ws) continue;
      if (phase === "start") {
        if (c !== "[") {
          yield { kind: "error", index: 0, reason: "the body is not a JSON array" };
          return;
        }
        phase = "first";
      } else if (phase === "end") {
        yield { kind: "error", index, reason: "content after the end of the array" };
        return;
      } else if (phase === "first" && c === "]") {
        phase = "end";
      } else if (phase === "next" && c === "]") {
        yield { kind: "error", index, reason: "trailing comma before ]" };
        return;
      } else {
        // "first" or "next": an element starts here; re-read this character inside it.
        index += 1;
        phase = "in";
        depth = 0;
        segStart = i;
        i -= 1;
      }
    }
    if (phase === "in" && segStart >= 0 && !oversized) {
      buffer += text.slice(segStart);
      if (buffer.length > maxElementChars) {
        oversized = true;
        buffer = "";
      }
    }
  }
  if ((phase as TPhase) !== "end")
    yield { kind: "error", index, reason: "unexpected end of the body: the array is not closed" };
}
