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

/**
 * The fields of a JSONL or JSON-array file, from the records complete in its first bytes
 * (`complete`: the text is the whole file, so its last line is whole too). Fields appear in the
 * order first seen. `empty`: nothing but whitespace (or `[]`).
 */
export function sniffFields(head: string, complete: boolean): { keys: string[]; empty: boolean } {
  const text = head.replace(/^\uFEFF/, "");
  const trimmed = text.trim();
  if (trimmed === "" || /^\[\s*\]$/.test(trimmed)) return { keys: [], empty: true };
  const raw = trimmed.startsWith("[")
    ? firstArrayElements(text, SNIFF_RECORDS)
    : text
        .split("\n")
        .slice(0, complete ? undefined : -1)
        .filter((l) => l.trim() !== "")
        .slice(0, SNIFF_RECORDS);
  const keys: string[] = [];
  for (const r of raw) {
    let value: unknown;
    try {
      value = JSON.parse(r);
    } catch {
      continue;
    }
    if (value && typeof value === "object" && !Array.isArray(value))
      for (const k of Object.keys(value)) if (!keys.includes(k)) keys.push(k);
  }
  return { keys, empty: false };
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
