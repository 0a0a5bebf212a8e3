export type TFlag = { key: string; label: string };

/** The rubric's error flags unless the admin gives their own. */
export const DEFAULT_FLAGS: TFlag[] = [
  { key: "factual_error", label: "Factually wrong or hallucinated" },
  { key: "unsafe_advice", label: "Unsafe advice" },
  { key: "incomplete", label: "Incomplete" },
  { key: "outdated", label: "Outdated guidance" },
  { key: "instruction_not_followed", label: "Instruction not followed" },
  { key: "input_leak", label: "Input leaks another task" },
  { key: "formatting", label: "Formatting" },
];

/** A stable key from an admin's label ("Unsafe advice" → "unsafe_advice"); keys are what reviews store. */
export function flagKeyOf(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "")
    .slice(0, 40);
}

export const VERDICTS = ["accept", "reject", "revise"] as const;
export type TVerdict = (typeof VERDICTS)[number];

export function flagsOf(json: unknown): TFlag[] {
  return Array.isArray(json)
    ? json.filter(
        (f): f is TFlag =>
          !!f &&
          typeof f === "object" &&
          typeof (f as TFlag).key === "string" &&
          typeof (f as TFlag).label === "string",
      )
    : [];
}

/** The rubric's words for stored flag keys (a key no longer in the rubric is shown as stored). */
export function flagLabels(keys: readonly string[], flags: readonly TFlag[]): string[] {
  const label = new Map(flags.map((f) => [f.key, f.label]));
  return keys.map((k) => label.get(k) ?? k);
}
