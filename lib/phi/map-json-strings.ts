export type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

/**
 * Every string inside a JSON value (keys kept) passed through `fn`; reports whether anything
 * changed. The one walk behind each redaction of stored JSON (seed versions, drafts).
 */
export function mapJsonStrings(
  value: unknown,
  fn: (s: string) => string,
): { value: TJson; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): TJson => {
    if (typeof v === "string") {
      const r = fn(v);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return typeof v === "number" || typeof v === "boolean" ? v : null;
  };
  return { value: walk(value), changed };
}
