import { ZAlpacaSeed, MAX_IMPORT_RECORDS, type TAlpacaSeed } from "./alpacare-format";
import { EMPTY_FILE_MESSAGE } from "./import-limits";

export type TRecordError = { record: number; field: string; message: string };
export type TParsedSeedFile =
  | { ok: true; records: TAlpacaSeed[] }
  | { ok: false; status: 400 | 413 | 422; message: string; errors: TRecordError[] };

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Also catches RangeError from absurd nesting: hostile input is just invalid here.
    return { ok: false };
  }
}

const EXPECTED =
  "Expected a JSON array of seed objects (as AlpaCare's med_seed.json) or JSON Lines with one seed object per line, " +
  "each with topic, view, type, instruction, input and difficulty";

/** A JSON array (med_seed.json) or JSON Lines; every record is checked and every problem reported. */
export function parseSeedFile(raw: string): TParsedSeedFile {
  const text = raw.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, status: 422, message: EMPTY_FILE_MESSAGE, errors: [] };
  let items: unknown[];
  const whole = parseJson(text);
  if (text.trimStart().startsWith("[")) {
    if (!whole.ok || !Array.isArray(whole.value)) {
      return {
        ok: false,
        status: 400,
        message: "The file is not valid JSON: it starts as a JSON array but does not parse as one",
        errors: [],
      };
    }
    items = whole.value as unknown[];
  } else if (whole.ok && (typeof whole.value !== "object" || whole.value === null)) {
    return {
      ok: false,
      status: 422,
      message: `The file holds a single JSON value, not seeds. ${EXPECTED}.`,
      errors: [],
    };
  } else if (whole.ok) {
    // One object, possibly pretty-printed over several lines: a file of one seed.
    items = [whole.value];
  } else {
    items = [];
    const errors: TRecordError[] = [];
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
    for (const [i, line] of lines.entries()) {
      const parsed = parseJson(line);
      if (parsed.ok) items.push(parsed.value);
      else errors.push({ record: i + 1, field: "_", message: "This line is not valid JSON" });
      if (errors.length >= 100) break;
    }
    // Not a single line parses: not JSON at all (CSV, a spreadsheet, a PDF), so listing lines would only be noise.
    if (items.length === 0)
      return { ok: false, status: 400, message: `The file is not JSON. ${EXPECTED}.`, errors: [] };
    if (errors.length) return { ok: false, status: 422, message: "Some lines are not valid JSON", errors };
  }
  if (items.length === 0)
    return {
      ok: false,
      status: 422,
      message: "The file holds no seeds: the JSON array is empty",
      errors: [],
    };
  if (items.length > MAX_IMPORT_RECORDS) {
    return { ok: false, status: 413, message: `At most ${MAX_IMPORT_RECORDS} seeds per import`, errors: [] };
  }
  const records: TAlpacaSeed[] = [];
  const errors: TRecordError[] = [];
  let failed = 0;
  for (const [i, item] of items.entries()) {
    if (typeof item !== "object" || item === null || Array.isArray(item)) {
      failed++;
      errors.push({ record: i + 1, field: "_", message: "Not a seed object" });
      continue;
    }
    const r = ZAlpacaSeed.safeParse(item);
    if (r.success) records.push(r.data);
    else {
      failed++;
      for (const issue of r.error.issues) {
        const field = issue.code === "unrecognized_keys" ? issue.keys.join(",") : issue.path.join(".") || "_";
        errors.push({
          record: i + 1,
          field,
          message: issue.code === "unrecognized_keys" ? "Unknown field" : issue.message,
        });
      }
    }
  }
  // Every record wrong: most likely another kind of file (a dataset, an export of something else).
  const message =
    failed === items.length ? `No record is a seed. ${EXPECTED}.` : "Some records are not valid";
  if (errors.length) return { ok: false, status: 422, message, errors: errors.slice(0, 500) };
  return { ok: true, records };
}
