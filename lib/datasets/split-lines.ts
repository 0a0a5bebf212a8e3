export type TChunk =
  { kind: "item"; text: string; index: number } | { kind: "error"; index: number; reason: string };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream into lines (JSONL), one at a time: memory stays at one chunk plus one line.
 * `index` is the 1-based line number; blank lines are skipped but counted. Lines are cut on bytes
 * and decoded one by one (a UTF-8 sequence never holds a newline byte), so a line that is not
 * valid UTF-8 is reported by its number instead of being silently altered.
 */
export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineBytes: number,
): AsyncGenerator<TChunk> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let parts: Uint8Array[] = [];
  let size = 0;
  let oversized = false;
  let line = 0;
  const emit = (): TChunk | null => {
    line += 1;
    const bytes = parts.length === 1 ? (parts[0] as Uint8Array) : Buffer.concat(parts, size);
    const wasOversized = oversized;
    parts = [];
    size = 0;
    oversized = false;
    if (wasOversized)
      return { kind: "error", index: line, reason: `line is longer than ${maxLineBytes} bytes` };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { kind: "error", index: line, reason: "is not valid UTF-8" };
    }
    if (text.endsWith("\r")) text = text.slice(0, -1);
    return text.trim() === "" ? null : { kind: "item", text, index: line };
  };
  const keep = (piece: Uint8Array) => {
    if (oversized || piece.byteLength === 0) return;
    if (size + piece.byteLength > maxLineBytes) {
      // Drop the oversized line's bytes as they arrive; report it when it ends.
      oversized = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(piece);
    size += piece.byteLength;
  };
  for await (const chunk of chunks) {
    let start = 0;
    let nl = chunk.indexOf(NEWLINE, start);
    while (nl !== -1) {
      keep(chunk.subarray(start, nl));
      const out = emit();
      if (out) yield out;
      start = nl + 1;
      nl = chunk.indexOf(NEWLINE, start);
    }
    // A copy, not a view: the stream may reuse the chunk's buffer for its next read.
    if (start < chunk.byteLength) keep(chunk.slice(start));
  }
  if (size > 0 || oversized) {
    const out = emit();
    if (out) yield out;
  }
}
