/**
 * An audit row's before/after JSON as the trail shows it: one line per field that changed (or was
 * set, or removed), nested objects flattened to dotted names, so a reader compares values instead
 * of reading two JSON blobs. Pure: the page and its tests call it alike.
 */
export type TFieldChange = { field: string; before: string | null; after: string | null };

const MAX_DEPTH = 3;
const MAX_TEXT = 300;

type TFlat = Map<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function flatten(value: unknown, prefix: string, depth: number, out: TFlat): TFlat {
  if (isPlainObject(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, depth + 1, out);
  } else if (value !== undefined) {
    out.set(prefix || "value", value);
  }
  return out;
}

/** A value as one short line: strings as they are, lists comma-separated, the rest as JSON. */
export function showValue(v: unknown): string {
  const text =
    typeof v === "string"
      ? v
      : Array.isArray(v) && v.every((x) => typeof x !== "object" || x === null)
        ? v.length
          ? v.map((x) => String(x)).join(", ")
          : "(none)"
        : JSON.stringify(v);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

export function fieldChanges(before: unknown, after: unknown): TFieldChange[] {
  const b: TFlat =
    before === null || before === undefined
      ? new Map<string, unknown>()
      : flatten(before, "", 0, new Map<string, unknown>());
  const a: TFlat =
    after === null || after === undefined
      ? new Map<string, unknown>()
      : flatten(after, "", 0, new Map<string, unknown>());
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  return fields.flatMap((field) => {
    const was = b.has(field) ? showValue(b.get(field)) : null;
    const now = a.has(field) ? showValue(a.get(field)) : null;
    // With both sides present, a field that did not change is context the reader does not need.
    if (b.size && a.size && was === now) return [];
    return [{ field, before: was, after: now }];
  });
}
