export type TChunk = { kind: "item"; text: string; index: number } | { kind: "error"; index: number; reason: string };

/**
 * Splits a byte stream into lines (JSONL), one at a time: memory stays at one chunk plus one line.
 * `index` is the 1-based line number; blank lines are skipped but counted.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<TChunk> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let pending = "";
  let line = 0;
  let oversized = false;
  const emit = (text: string): TChunk | null => {
    line += 1;
    if (oversized) {
      oversized = false;
      return { kind: "error", index: line, reason: `line is longer than ${maxLineBytes} bytes` };
    }
    const t = text.endsWith("\r") ? text.slice(0, -1) : text;
    return t.trim() === "" ? null : { kind: "item", text: t, index: line };
  };
  for await (const chunk of chunks) {
    pending += decoder.decode(chunk, { stream: true });
    let start = 0;
    let nl = pending.indexOf("\n", start);
    while (nl !== -1) {
      const out = emit(pending.slice(start, nl));
      start = nl + 1;
      if (out) yield out;
      nl = pending.indexOf("\n", start);
    }
    pending = pending.slice(start);
    if (pending.length > maxLineBytes) {
      // Drop the oversized line's text as it arrives; report it when it ends.
      oversized = true;
      pending = "";
    }
  }
  pending += decoder.decode();
  if (pending !== "" || oversized) {
    const out = emit(pending);
    if (out) yield out;
  }
}
