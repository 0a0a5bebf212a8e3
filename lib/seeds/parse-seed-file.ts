import { ZAlpacaSeed, MAX_IMPORT_RECORDS, type TAlpacaSeed } from "./alpacare-format";

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

/** A JSON array (med_seed.json) or JSON Lines; every record is checked and every problem reported. */
export function parseSeedFile(raw: string): TParsedSeedFile {
  const text = raw.replace(/^\uFEFF/, "");
  let items: unknown[];
  if (text.trimStart().startsWith("[")) {
    const parsed = parseJson(text);
    if (!parsed.ok || !Array.isArray(parsed.value)) {
      return { ok: false, status: 400, message: "The body is not a valid JSON array", errors: [] };
    }
    items = parsed.value as unknown[];
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
    if (errors.length) return { ok: false, status: 422, message: "Some lines are not valid JSON", errors };
  }
  if (items.length === 0) return { ok: false, status: 422, message: "The file holds no seeds", errors: [] };
  if (items.length > MAX_IMPORT_RECORDS) {
    return { ok: false, status: 413, message: `At most ${MAX_IMPORT_RECORDS} seeds per import`, errors: [] };
  }
  const records: TAlpacaSeed[] = [];
  const errors: TRecordError[] = [];
  for (const [i, item] of items.entries()) {
    const r = ZAlpacaSeed.safeParse(item);
    if (r.success) records.push(r.data);
    else
      for (const issue of r.error.issues) {
        const field = issue.code === "unrecognized_keys" ? issue.keys.join(",") : issue.path.join(".") || "_";
        errors.push({ record: i + 1, field, message: issue.code === "unrecognized_keys" ? "Unknown field" : issue.message });
      }
  }
  if (errors.length) return { ok: false, status: 422, message: "Some records are not valid", errors: errors.slice(0, 500) };
  return { ok: true, records };
}
