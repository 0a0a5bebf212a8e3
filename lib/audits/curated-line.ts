import type { TFieldMapping } from "@/lib/datasets/field-mapping";
import { toShape } from "@/lib/conversations/parse-conversation";
import type { TConversationShape, TTurn } from "@/lib/conversations/types";

/** The keys the curated line itself writes; a source field of the same name moves aside. */
const RESERVED = new Set(["instruction", "input", "output", "original_output", "source_overridden", "audit"]);

/**
 * A JSON literal: as text, or as the UTF-8 bytes PostgreSQL sent (the export splices those into
 * its output without decoding them: lib/audits/load-export-page.ts).
 */
export type TLiteral = string | Uint8Array;

export type TCuratedLineParts<L extends TLiteral = string> = {
  /** JSON string literals of the record as stored (already escaped). */
  instructionJson: L;
  inputJson: L;
  outputJson: L;
  /**
   * The final output's JSON literal: the correction, or the original. The line writes
   * `original_output` when this is not the original (a different string, or another object).
   */
  finalJson: L | string;
  /** The record's other source fields (its id, difficulty…), as kept at import. */
  metadata: Record<string, unknown> | null;
  /** The field names the import read the instruction, input and output from. */
  mapping: TFieldMapping;
  /** The audit object, already serialised. */
  auditJson: string;
  /** Conversations: the turns before the output, and the field and shape the file held them in. */
  context?: TTurn[] | null;
  conversation?: { field: string; shape: TConversationShape } | null;
};

/**
 * A chat's curated line keeps the file's own shape under the file's own field name: the context
 * turns as imported, then the final assistant turn with the correction (the original beside it,
 * as `original_output`, when they differ), then the other source fields and the audit.
 */
function conversationLine(
  p: TCuratedLineParts<string>,
  context: TTurn[],
  c: { field: string; shape: TConversationShape },
): string {
  const meta = p.metadata ?? {};
  const hasId = Object.hasOwn(meta, "id");
  const head = hasId ? `"id":${JSON.stringify(meta.id)},` : "";
  const final = JSON.parse(p.finalJson) as string;
  const turns = toShape([...context, { role: "assistant", content: final }], c.shape);
  const originalPart = p.finalJson !== p.outputJson ? `,"original_output":${p.outputJson}` : "";
  const reserved = new Set([c.field, "original_output", "source_overridden", "audit"]);
  const extra: string[] = [];
  const overridden: string[] = [];
  for (const [k, v] of Object.entries(meta)) {
    if (k === "id" && hasId) continue;
    (reserved.has(k) ? overridden : extra).push(`${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`);
  }
  const extraPart = extra.length ? `,${extra.join(",")}` : "";
  const overriddenPart = overridden.length ? `,"source_overridden":{${overridden.join(",")}}` : "";
  return `{${head}${JSON.stringify(c.field)}:${JSON.stringify(turns)}${originalPart}${extraPart}${overriddenPart},"audit":${p.auditJson}}`;
}

const decoder = new TextDecoder();
const asText = (l: TLiteral): string => (typeof l === "string" ? l : decoder.decode(l));

/**
 * One curated line: `id` first when the record had one, then instruction, input and the final
 * output (original_output beside it when they differ), then every other source field under its
 * own name with its value as imported, among them the mapped fields whose names were not
 * instruction/input/output (a MedInstruct `gpt-4-answer` keeps its original text). A source field
 * whose name the line itself uses is kept in `source_overridden`, so nothing of the record is lost.
 * The line as pieces, in order, the literals among them as given (bytes stay bytes).
 */
export function curatedLinePieces<L extends TLiteral>(p: TCuratedLineParts<L>): (string | L)[] {
  if (p.context && p.conversation) {
    // Chats re-shape the turns, so their literals are read as text (a small share of exports).
    const original = asText(p.outputJson);
    const text = {
      ...p,
      instructionJson: asText(p.instructionJson),
      inputJson: asText(p.inputJson),
      outputJson: original,
      finalJson: p.finalJson === p.outputJson ? original : asText(p.finalJson),
    };
    return [conversationLine(text, p.context, p.conversation)];
  }
  const meta = p.metadata ?? {};
  const hasId = Object.hasOwn(meta, "id");
  const extra: (string | L)[] = [];
  const overridden: (string | L)[] = [];
  const put = (name: string, json: string | L) => {
    const to = RESERVED.has(name) ? overridden : extra;
    to.push(`${to.length ? "," : ""}${JSON.stringify(name)}:`, json);
  };
  // The mapped fields under their source names, where those differ from the line's own.
  if (p.mapping.instruction !== "instruction") put(p.mapping.instruction, p.instructionJson);
  if (p.mapping.input && p.mapping.input !== "input") put(p.mapping.input, p.inputJson);
  if (p.mapping.output !== "output") put(p.mapping.output, p.outputJson);
  for (const [k, v] of Object.entries(meta)) {
    if (k === "id" && hasId) continue;
    put(k, JSON.stringify(v) ?? "null");
  }
  const pieces: (string | L)[] = [
    `{${hasId ? `"id":${JSON.stringify(meta.id)},` : ""}"instruction":`,
    p.instructionJson,
    `,"input":`,
    p.inputJson,
    `,"output":`,
    p.finalJson,
  ];
  if (p.finalJson !== p.outputJson) pieces.push(`,"original_output":`, p.outputJson);
  if (extra.length) pieces.push(",", ...extra);
  if (overridden.length) pieces.push(`,"source_overridden":{`, ...overridden, "}");
  pieces.push(`,"audit":${p.auditJson}}`);
  return pieces;
}

/** One curated line as text (see curatedLinePieces). */
export function curatedLine(p: TCuratedLineParts<string>): string {
  return curatedLinePieces(p).join("");
}
