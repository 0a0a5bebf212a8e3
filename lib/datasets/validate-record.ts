import { hash } from "node:crypto";
import { findUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/text/storable-text";
import { DEFAULT_MAPPING, type TFieldMapping } from "./field-mapping";
import { IMPORT_LIMITS } from "./limits";
import { metadataProblem } from "./metadata-problem";
import { parseConversation } from "@/lib/conversations/parse-conversation";
import { lastUserTurn, splitFinalTurn } from "@/lib/conversations/split-final-turn";
import type { TConversationShape, TTurn } from "@/lib/conversations/types";

export type TImportRecord = {
  instruction: string;
  input: string;
  output: string;
  metadata: Record<string, unknown> | null;
  /** Conversations: the turns before the final assistant turn (which is `output`); else null. */
  context: TTurn[] | null;
  /** Conversations: the shape the record came in, so a file cannot mix them. */
  shape?: TConversationShape;
  contentHash: string;
};

/** `missingOutput`: the record has no usable output, so the import can say which field to choose. */
export type TRecordCheck =
  { ok: true; record: TImportRecord } | { ok: false; reason: string; missingOutput?: boolean };

function checkText(value: unknown, field: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null) return required ? `"${field}" is missing` : null;
  if (typeof value !== "string") return `"${field}" must be a string`;
  if (value.length > max) return `"${field}" is longer than ${max} characters`;
  if (required && value.trim() === "") return `"${field}" is empty`;
  return null;
}

/**
 * Exact duplicates are the same instruction, input and output (metadata does not count); for a
 * conversation, the same turns: two chats ending in the same answer after different histories are
 * different records. Single-text records hash as they always have.
 */
export function contentHash(
  instruction: string,
  input: string,
  output: string | null,
  context: readonly TTurn[] | null = null,
): string {
  const parts = context ? [instruction, input, output, context] : [instruction, input, output];
  // One-shot crypto.hash: no Hash object per record (a 52k-record import hashes ~70 MB).
  return hash("sha256", JSON.stringify(parts), "hex");
}

/** The record's other fields, kept as metadata (for stratification and display), or a problem. */
function metadataOf(
  obj: Record<string, unknown>,
  mapped: ReadonlySet<string>,
): { ok: true; metadata: Record<string, unknown> | null } | { ok: false; reason: string } {
  const extraKeys = Object.keys(obj).filter((k) => !mapped.has(k));
  if (extraKeys.length > IMPORT_LIMITS.maxMetadataKeys)
    return { ok: false, reason: `more than ${IMPORT_LIMITS.maxMetadataKeys} fields` };
  const metadata = extraKeys.length > 0 ? Object.fromEntries(extraKeys.map((k) => [k, obj[k]])) : null;
  const metaProblem = metadata ? metadataProblem(metadata) : null;
  if (metaProblem) return { ok: false, reason: `metadata ${metaProblem}` };
  if (metadata && JSON.stringify(metadata).length > IMPORT_LIMITS.maxMetadataChars) {
    return { ok: false, reason: `metadata is larger than ${IMPORT_LIMITS.maxMetadataChars} characters` };
  }
  return { ok: true, metadata };
}

/**
 * A chat record: its last turn (the assistant's) is the output under review, the turns before it
 * its context, and the last user turn stands as its instruction wherever one text is listed,
 * compared or stratified. Input is "".
 */
function validateConversation(obj: Record<string, unknown>, field: string): TRecordCheck {
  if (!Object.hasOwn(obj, field)) return { ok: false, reason: `"${field}" is missing` };
  const parsed = parseConversation(obj[field], field);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  const split = splitFinalTurn(parsed.turns, field);
  if (!split.ok) return { ok: false, reason: split.reason };
  if (split.final.length > IMPORT_LIMITS.maxOutputChars)
    return {
      ok: false,
      reason: `"${field}" final turn is longer than ${IMPORT_LIMITS.maxOutputChars} characters`,
    };
  const instruction = lastUserTurn(split.context);
  if (instruction.length > IMPORT_LIMITS.maxInstructionChars)
    return {
      ok: false,
      reason: `"${field}" last user turn is longer than ${IMPORT_LIMITS.maxInstructionChars} characters`,
    };
  const meta = metadataOf(obj, new Set([field]));
  if (!meta.ok) return meta;
  const output = split.final;
  return {
    ok: true,
    record: {
      instruction,
      input: "",
      output,
      metadata: meta.metadata,
      context: split.context,
      shape: parsed.shape,
      contentHash: contentHash(instruction, "", output, split.context),
    },
  };
}

/**
 * Checks one parsed record of an Alpaca/MedInstruct file, reading the instruction, input and
 * output from the fields the mapping names. Every record needs a non-empty output: an audit
 * reviews outputs, and a record without one can only show "(no output)". Other fields become
 * metadata (for stratification and display).
 */
export function validateRecord(value: unknown, mapping: TFieldMapping = DEFAULT_MAPPING): TRecordCheck {
  if (!value || typeof value !== "object" || Array.isArray(value))
    return { ok: false, reason: "not a JSON object" };
  const obj = value as Record<string, unknown>;
  if (findUnstorableText(obj) !== null) return { ok: false, reason: UNSTORABLE_MESSAGE };
  if (mapping.conversation !== undefined) return validateConversation(obj, mapping.conversation);
  const get = (field: string) => (field && Object.hasOwn(obj, field) ? obj[field] : undefined);
  const outputValue = get(mapping.output);
  const outputProblem = checkText(outputValue, mapping.output, IMPORT_LIMITS.maxOutputChars, true);
  const problems = [
    checkText(get(mapping.instruction), mapping.instruction, IMPORT_LIMITS.maxInstructionChars, true),
    mapping.input ? checkText(get(mapping.input), mapping.input, IMPORT_LIMITS.maxInputChars, false) : null,
    outputProblem,
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) {
    const missingOutput =
      outputValue === undefined ||
      outputValue === null ||
      (typeof outputValue === "string" && outputValue.trim() === "");
    return { ok: false, reason: problems.join("; "), ...(missingOutput ? { missingOutput } : {}) };
  }

  const meta = metadataOf(obj, new Set([mapping.instruction, mapping.input, mapping.output]));
  if (!meta.ok) return meta;
  const metadata = meta.metadata;
  const instruction = get(mapping.instruction) as string;
  const input = (get(mapping.input) as string | undefined | null) ?? "";
  const output = outputValue as string;
  return {
    ok: true,
    record: {
      instruction,
      input,
      output,
      metadata,
      context: null,
      contentHash: contentHash(instruction, input, output),
    },
  };
}
