import type { TDefinedItem } from "./schemas";

/** GuidelineVersion.definitions is Json; read back as { key: text } with strings only. */
export function definitionsOf(json: unknown): Record<string, string> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(
    Object.entries(json as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === "string",
    ),
  );
}

/**
 * The definitions to store: trimmed, empty ones dropped, keyed only by the owner's flags or
 * criteria. An unknown key is a field error (a definition nobody would see is a mistake).
 */
export function cleanDefinitions(
  definitions: Record<string, string>,
  keys: readonly string[],
): { definitions: Record<string, string>; fieldErrors: Record<string, string[]> } {
  const known = new Set(keys);
  const out: Record<string, string> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, text] of Object.entries(definitions)) {
    if (!known.has(key)) {
      fieldErrors[`definitions.${key}`] = ["Not a flag or criterion of this campaign or study"];
      continue;
    }
    const t = text.trim();
    if (t) out[key] = t;
  }
  return { definitions: out, fieldErrors };
}

/** Each item with its definition under a version; an item without one gets its fallback (a criterion's description). */
export function defineItems(
  items: readonly { key: string; label: string; fallback?: string }[],
  definitions: Record<string, string>,
): TDefinedItem[] {
  return items.map((i) => ({
    key: i.key,
    label: i.label,
    definition: definitions[i.key] ?? i.fallback ?? "",
  }));
}

/**
 * The claim's rule: nothing to acknowledge when no guidelines were ever written; else the current
 * (highest) version must be the one acknowledged.
 */
export function mustAcknowledge(current: number | null, acknowledged: number | null): boolean {
  return current !== null && acknowledged !== current;
}
