// PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates; a write carrying one fails
// deep in the driver as a 500. Found up front, it is a 422 that names the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "contains a NUL character or an unpaired surrogate";

/** The path (dotted, array indexes included) of the first string or key PostgreSQL cannot store, or null. */
export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return UNSTORABLE.test(value) ? path.join(".") || "(value)" : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findUnstorableText(value[i], [...path, String(i)]);
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) return [...path, k].join(".");
      const hit = findUnstorableText(v, [...path, k]);
      if (hit !== null) return hit;
    }
  }
  return null;
}
