import { DEFAULT_MAPPING, type TFieldMapping } from "./field-mapping";

/** How much of a file the upload screen reads to offer its fields: the first records, never all of it. */
export const SNIFF_BYTES = 256 * 1024;
const SNIFF_RECORDS = 20;

/** The top-level elements of a JSON array that are complete within `text`, as raw text. */
function firstArrayElements(text: string, max: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = text.indexOf("[") + 1; i > 0 && i < text.length && out.length < max; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth === 0) start = i;
      depth += 1;
    } else if (c === "}" || c === "]") {
      depth -= 1;
      if (depth === 0 && start >= 0) {
        out.push(text.slice(start, i + 1));
        start = -1;
      }
      if (depth < 0) break;
    }
  }
  return out;
}

/** The records complete in the file's first bytes, parsed (null: the file is empty). */
function headRecords(head: string, complete: boolean): Record<string, unknown>[] | null {
  const text = head.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (trimmed === "" || /^\[\s*\]$/.test(trimmed)) return null;
  const raw = trimmed.startsWith("[")
    ? firstArrayElements(text, SNIFF_RECORDS)
    : text
        .split("\n")
        .slice(0, complete ? undefined : -1)
        .filter((l) => l.trim() !== "")
        .slice(0, SNIFF_RECORDS);
  const out: Record<string, unknown>[] = [];
  for (const r of raw) {
    let value: unknown;
    try {
      value = JSON.parse(r);
    } catch {
      continue;
    }
    if (value && typeof value === "object" && !Array.isArray(value))
      out.push(value as Record<string, unknown>);
  }
  return out;
}

/**
 * The fields of a JSONL or JSON-array file, from the records complete in its first bytes
 * (`complete`: the text is the whole file, so its last line is whole too). Fields appear in the
 * order first seen. `empty`: nothing but whitespace (or `[]`).
 */
export function sniffFields(head: string, complete: boolean): { keys: string[]; empty: boolean } {
  const records = headRecords(head, complete);
  if (!records) return { keys: [], empty: true };
  const keys: string[] = [];
  for (const value of records) for (const k of Object.keys(value)) if (!keys.includes(k)) keys.push(k);
  return { keys, empty: false };
}

/** A value that looks like chat turns: an array whose first element has a role or a from. */
function looksLikeTurns(v: unknown): boolean {
  const first: unknown = Array.isArray(v) ? v[0] : undefined;
  return !!first && typeof first === "object" && ("role" in first || "from" in first);
}

/**
 * The fields whose values are arrays of turns (OpenAI `messages`, ShareGPT `conversations`, or
 * any name), so the upload screen can offer to read the records as conversations.
 */
export function sniffConversationFields(head: string, complete: boolean): string[] {
  const keys: string[] = [];
  for (const value of headRecords(head, complete) ?? [])
    for (const [k, v] of Object.entries(value)) if (looksLikeTurns(v) && !keys.includes(k)) keys.push(k);
  return keys;
}

/** The mapping to offer first: the usual names when present, else an answer-like field as output. */
export function suggestMapping(keys: readonly string[]): TFieldMapping {
  const has = (k: string) => keys.includes(k);
  const output = has(DEFAULT_MAPPING.output)
    ? DEFAULT_MAPPING.output
    : (keys.find((k) => /answer|output|response|completion/i.test(k)) ?? "");
  return {
    instruction: has(DEFAULT_MAPPING.instruction)
      ? DEFAULT_MAPPING.instruction
      : (keys.find((k) => k !== output) ?? ""),
    input: has(DEFAULT_MAPPING.input) ? DEFAULT_MAPPING.input : "",
    output,
  };
}
