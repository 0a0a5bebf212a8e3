import { AppError } from "@/lib/errors/app-error";
import { IMPORT_LIMITS } from "./limits";
import { splitJsonArray } from "./split-json-array";
import { splitLines, type TChunk } from "./split-lines";
import { DEFAULT_MAPPING, type TFieldMapping } from "./field-mapping";
import { validateRecord, type TImportRecord } from "./validate-record";

/** `keys`: the fields of the parsed object, so a refusal can name the fields the file does have. */
export type TParsed =
  | { kind: "record"; index: number; record: TImportRecord; keys: string[] }
  | { kind: "invalid"; index: number; reason: string; keys?: string[]; missingOutput?: boolean };
export type TBodyFormat = "jsonl" | "array";

/** Streaming UTF-8 decode that refuses invalid bytes instead of replacing them with U+FFFD. */
async function* decode(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const strict = (c?: Uint8Array) => {
    try {
      return c ? decoder.decode(c, { stream: true }) : decoder.decode();
    } catch {
      throw new AppError("VALIDATION", "The file is not valid UTF-8; nothing was imported");
    }
  };
  for await (const c of chunks) {
    const t = strict(c);
    if (t) yield t;
  }
  const rest = strict();
  if (rest) yield rest;
}

/** Reads the first bytes to tell a JSON array from JSON lines, then replays them. */
export async function sniffFormat(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ format: TBodyFormat; chunks: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let format: TBodyFormat = "jsonl";
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    const first = Array.from(next.value).find(
      (b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0xef && b !== 0xbb && b !== 0xbf,
    );
    if (first !== undefined) {
      format = first === 0x5b ? "array" : "jsonl";
      break;
    }
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* head;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { format, chunks: replay() };
}

function parseChunk(chunk: TChunk, mapping: TFieldMapping): TParsed {
  if (chunk.kind === "error") return { kind: "invalid", index: chunk.index, reason: chunk.reason };
  let value: unknown;
  try {
    value = JSON.parse(chunk.text);
  } catch {
    return { kind: "invalid", index: chunk.index, reason: "not valid JSON" };
  }
  const keys = value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : undefined;
  const r = validateRecord(value, mapping);
  if (r.ok) return { kind: "record", index: chunk.index, record: r.record, keys: keys ?? [] };
  return {
    kind: "invalid",
    index: chunk.index,
    reason: r.reason,
    ...(keys ? { keys } : {}),
    ...(r.missingOutput ? { missingOutput: true } : {}),
  };
}

/** Streams validated records (or per-record problems) out of a JSONL or JSON-array body. */
export async function* parseBody(
  chunks: AsyncIterable<Uint8Array>,
  format: TBodyFormat,
  mapping: TFieldMapping = DEFAULT_MAPPING,
): AsyncGenerator<TParsed> {
  const source =
    format === "array"
      ? splitJsonArray(decode(chunks), IMPORT_LIMITS.maxRecordBytes)
      : splitLines(chunks, IMPORT_LIMITS.maxRecordBytes);
  // A file of chats holds one shape: the first conversation's, which its exports give back.
  let shape: TImportRecord["shape"];
  for await (const chunk of source) {
    const p = parseChunk(chunk, mapping);
    if (p.kind === "record" && p.record.shape) {
      shape ??= p.record.shape;
      if (p.record.shape !== shape) {
        yield {
          kind: "invalid",
          index: p.index,
          reason: `"${mapping.conversation}" is in the ${p.record.shape} shape, but the file's first conversation is in the ${shape} shape; a file holds one shape`,
          keys: p.keys,
        };
        continue;
      }
    }
    yield p;
  }
}
