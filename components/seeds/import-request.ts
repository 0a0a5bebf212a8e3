import type { TImportResult } from "@/lib/seeds/import-seeds";
import { fileTooLargeMessage, MAX_IMPORT_BYTES } from "@/lib/seeds/import-limits";
import type { TUnknownLabel } from "@/lib/seeds/resolve-import-labels";

export type TImportChoice = { status: "submitted" | "approved"; addUnknown: boolean };
export type TRecordError = { record: number; field: string; message: string };
export type TImportAnswer =
  | { kind: "done"; result: TImportResult }
  | {
      kind: "refused";
      status: number;
      message: string;
      unknownLabels: TUnknownLabel[];
      recordErrors: TRecordError[];
    };

export const IMPORT_PATH = "/api/v1/seeds/import";

/**
 * The import route's address. Check and Import differ in dryRun only, so a check previews exactly
 * the import the same choices would run (status, and whether unknown labels become new terms).
 */
export function importUrl(choice: TImportChoice, dryRun: boolean): string {
  const q = new URLSearchParams({
    dryRun: dryRun ? "1" : "0",
    status: choice.status,
    unknownLabels: choice.addUnknown ? "add" : "reject",
  });
  return `${IMPORT_PATH}?${q.toString()}`;
}

/** The route reads both formats whatever the type; the type only has to be one it accepts. */
export function contentTypeOf(fileName: string): string {
  return /\.(jsonl|ndjson)$/i.test(fileName) ? "application/x-ndjson" : "application/json";
}

/** Refused before sending, with the route's own words: megabytes the route would refuse are not worth uploading. */
export function refusalBeforeUpload(file: { size: number } | null): string | null {
  if (!file) return "Choose a seed file first";
  return file.size > MAX_IMPORT_BYTES ? fileTooLargeMessage() : null;
}

const listOf = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** The route's answer for the screen: its result, or its problem+json in words, with the lists to act on. */
export function readImportAnswer(status: number, body: unknown): TImportAnswer {
  const b = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  if ((status === 200 || status === 201) && typeof b.count === "number")
    return { kind: "done", result: b as TImportResult };
  const refused = (message: string): TImportAnswer => ({
    kind: "refused",
    status,
    message,
    unknownLabels: listOf<TUnknownLabel>(b.unknownLabels),
    recordErrors: listOf<TRecordError>(b.recordErrors),
  });
  if (status === 401)
    return refused(
      "Your session has ended: sign in again in another tab, then check or import again (the file stays chosen)",
    );
  if (typeof b.detail === "string" && b.detail) {
    const fields =
      b.errors && typeof b.errors === "object"
        ? Object.values(b.errors as Record<string, string[]>).flat()
        : [];
    return refused([b.detail, ...fields].join(" "));
  }
  return refused(`The server answered ${status} without an explanation: try again in a moment`);
}

export function choiceText(choice: TImportChoice): string {
  const as = choice.status === "approved" ? "as approved" : "as submitted (needs review)";
  return `import ${as}, ${choice.addUnknown ? "adding unknown labels as new terms" : "refusing unknown labels"}`;
}
