import type { TCriterion } from "@/lib/studies/schemas";

/** Study.criteria is Json; this reads it back defensively. */
export function studyCriteria(value: unknown): TCriterion[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((c): TCriterion[] => {
    if (typeof c !== "object" || c === null) return [];
    const r = c as Record<string, unknown>;
    return typeof r.key === "string" && typeof r.label === "string"
      ? [{ key: r.key, label: r.label, description: typeof r.description === "string" ? r.description : "" }]
      : [];
  });
}
