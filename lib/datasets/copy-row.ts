import type { TImportRecord } from "./validate-record";

/** The columns of every COPY row, in order (lib/datasets/copy-records.ts). */
export const COPY_COLUMNS = `"datasetId", ordinal, instruction, input, output, metadata, context, "contentHash"`;

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * PostgreSQL's COPY text format: backslash, tab, newline and carriage return escaped (the only
 * characters it reads specially). NUL never gets here: validateRecord refuses it.
 */
export function copyField(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] as string) : s;
}

/**
 * One record as a COPY text line, holding exactly what the INSERT path binds: metadata and context
 * as their JSON text (jsonb parses it alike), \N for none.
 */
export function copyRow(datasetId: string, ordinal: number, r: TImportRecord): string {
  const metadata = r.metadata ? copyField(JSON.stringify(r.metadata)) : "\\N";
  const context = r.context ? copyField(JSON.stringify(r.context)) : "\\N";
  return `${datasetId}\t${ordinal}\t${copyField(r.instruction)}\t${copyField(r.input)}\t${copyField(r.output)}\t${metadata}\t${context}\t${r.contentHash}\n`;
}
