import { AppError } from "@/lib/errors/app-error";
import type { TLabelLookup, TTermRef } from "@/lib/vocabulary/label-lookup";
import { normaliseLabel } from "@/lib/vocabulary/normalise-label";
import type { TVocabularyKind } from "@/lib/vocabulary/schemas";
import type { TTermSuggestion } from "@/lib/vocabulary/suggest-terms";
import type { TAlpacaSeed } from "./alpacare-format";

/** retiredTerm: the spelling belongs to a retired term, which imports no longer match. */
export type TUnknownLabel = {
  kind: TVocabularyKind;
  label: string;
  spellings: string[];
  records: number[];
  retiredTerm?: string;
  /** Set when the import is refused for unknown labels (suggest-import-labels.ts). */
  cluster?: string;
  suggestions?: TTermSuggestion[];
};
/** retiredTerm: the spelling was a retired term's, and now maps to its replacement through an alias. */
export type TLabelMapping = { kind: TVocabularyKind; from: string; to: string; retiredTerm?: string };

const FIELDS = [
  ["topic", "TOPIC"],
  ["view", "VIEW"],
  ["type", "TYPE"],
] as const;

/**
 * Unknown labels grouped by kind and normalised spelling; the spellings that map to a different
 * canonical label. `retired` (terms taken out of use) only annotates, so the admin learns why a
 * familiar label no longer maps; it never matches.
 */
export function resolveImportLabels(
  records: readonly TAlpacaSeed[],
  lookup: TLabelLookup,
  retired?: TLabelLookup,
) {
  const unknown = new Map<string, TUnknownLabel>();
  const mapped = new Map<string, TLabelMapping>();
  records.forEach((r, i) => {
    for (const [field, kind] of FIELDS) {
      const raw = r[field];
      const term = lookup.find(kind, raw);
      const old = retired?.find(kind, raw);
      if (term) {
        if (term.label !== raw)
          mapped.set(`${kind}:${raw}`, {
            kind,
            from: raw,
            to: term.label,
            ...(old ? { retiredTerm: old.label } : {}),
          });
        continue;
      }
      const key = `${kind}:${normaliseLabel(raw)}`;
      const u = unknown.get(key) ?? {
        kind,
        label: raw,
        spellings: [],
        records: [],
        ...(old ? { retiredTerm: old.label } : {}),
      };
      if (!u.spellings.includes(raw)) u.spellings.push(raw);
      u.records.push(i + 1);
      unknown.set(key, u);
    }
  });
  return { unknown: [...unknown.values()], mapped: [...mapped.values()] };
}

export function termsFor(
  r: TAlpacaSeed,
  lookup: TLabelLookup,
): { topic: TTermRef; view: TTermRef; type: TTermRef } {
  const find = (kind: TVocabularyKind, label: string) => {
    const t = lookup.find(kind, label);
    // resolveImportLabels ran first and every unknown label was added or refused.
    if (!t) throw new AppError("INTERNAL", `unresolved ${kind} label`);
    return t;
  };
  return { topic: find("TOPIC", r.topic), view: find("VIEW", r.view), type: find("TYPE", r.type) };
}
