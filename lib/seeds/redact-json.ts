import { redactAll } from "@/lib/phi";

type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

/** Every string inside a JSON value with the literals replaced; reports whether anything changed. */
export function redactJson(value: unknown, literals: readonly string[]): { value: TJson; changed: boolean } {
  let changed = false;
  const walk = (v: unknown): TJson => {
    if (typeof v === "string") {
      const r = redactAll(v, literals);
      if (r !== v) changed = true;
      return r;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return typeof v === "number" || typeof v === "boolean" ? v : null;
  };
  return { value: walk(value), changed };
}
