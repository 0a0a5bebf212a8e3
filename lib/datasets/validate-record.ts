import { createHash } from "node:crypto";
import { findUnstorableText, UNSTORABLE_MESSAGE } from "@/lib/text/storable-text";
import { IMPORT_LIMITS } from "./limits";

export type TImportRecord = {
  instruction: string;
  input: string;
  output: string | null;
  metadata: Record<string, unknown> | null;
  contentHash: string;
};

export type TRecordCheck = { ok: true; record: TImportRecord } | { ok: false; reason: string };

const CORE = new Set(["instruction", "input", "output"]);

function checkText(value: unknown, field: string, max: number, required: boolean): string | null {
  if (value === undefined || value === null) return required ? `"${field}" is required` : null;
  if (typeof value !== "string") return `"${field}" must be a string`;
  if (value.length > max) return `"${field}" is longer than ${max} characters`;
  if (required && value.trim() === "") return `"${field}" is empty`;
  return null;
}

/** Exact duplicates are the same instruction, input and output (metadata does not count). */
export function contentHash(instruction: string, input: string, output: string | null): string {
  return createHash("sha256").update(JSON.stringify([instruction, input, output])).digest("hex");
}

/** Checks one parsed record of an Alpaca/MedInstruct file; fields beyond the three become metadata. */
export function validateRecord(value: unknown): TRecordCheck {
  if (!value || typeof value !== "object" || Array.isArray(value)) return { ok: false, reason: "not a JSON object" };
  const obj = value as Record<string, unknown>;
  if (findUnstorableText(obj) !== null) return { ok: false, reason: UNSTORABLE_MESSAGE };
  const problems = [
    checkText(obj.instruction, "instruction", IMPORT_LIMITS.maxInstructionChars, true),
    checkText(obj.input, "input", IMPORT_LIMITS.maxInputChars, false),
    checkText(obj.output, "output", IMPORT_LIMITS.maxOutputChars, false),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) return { ok: false, reason: problems.join("; ") };

  const extraKeys = Object.keys(obj).filter((k) => !CORE.has(k));
  if (extraKeys.length > IMPORT_LIMITS.maxMetadataKeys) return { ok: false, reason: `more than ${IMPORT_LIMITS.maxMetadataKeys} fields` };
  const metadata = extraKeys.length > 0 ? Object.fromEntries(extraKeys.map((k) => [k, obj[k]])) : null;
  if (metadata && JSON.stringify(metadata).length > IMPORT_LIMITS.maxMetadataChars) {
    return { ok: false, reason: `metadata is larger than ${IMPORT_LIMITS.maxMetadataChars} characters` };
  }
  const instruction = obj.instruction as string;
  const input = (obj.input as string | undefined | null) ?? "";
  const output = (obj.output as string | undefined | null) ?? null;
  return { ok: true, record: { instruction, input, output, metadata, contentHash: contentHash(instruction, input, output) } };
}
