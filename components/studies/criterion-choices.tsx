"use client";

export type TChoice = "A" | "B" | "tie" | "both_bad";

export const CHOICE_KEY: Record<TChoice, string> = { A: "A", B: "B", tie: "T", both_bad: "X" };
const LABEL: Record<TChoice, string> = {
  A: "A is better",
  B: "B is better",
  tie: "Tie",
  both_bad: "Both bad",
};

/** One criterion's answers as a native radio group (Tab reaches it, arrows move within it). */
export function CriterionChoices(props: {
  criterion: { key: string; label: string; description: string };
  options: readonly TChoice[];
  value: TChoice | undefined;
  active: boolean;
  onChoose: (c: TChoice) => void;
  onFocus: () => void;
}) {
  const { criterion: c, options, value, active } = props;
  return (
    <fieldset
      className={`rounded-md p-2 ${active ? "ring-2 ring-brand-600" : ""}`}
      data-testid={`criterion-${c.key}`}
      onFocus={props.onFocus}
    >
      <legend className="text-sm font-semibold">
        {c.label}
        {c.description ? <span className="ml-2 font-normal text-slate-600">{c.description}</span> : null}
      </legend>
      <div className="mt-1 flex flex-wrap gap-3">
        {options.map((o) => (
          <label key={o} className="flex items-center gap-1 text-sm">
            <input
              type="radio"
              name={`choice-${c.key}`}
              value={o}
              checked={value === o}
              onChange={() => props.onChoose(o)}
            />
            {LABEL[o]}
            <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-600" aria-hidden="true">
              {CHOICE_KEY[o]}
            </kbd>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
