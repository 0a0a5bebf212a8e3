"use client";

import { cn } from "@/components/ui/cn";

export type TChoice = "A" | "B" | "tie" | "both_bad";

export const CHOICE_KEY: Record<TChoice, string> = { A: "A", B: "B", tie: "T", both_bad: "X" };
const LABEL: Record<TChoice, [short: string, long: string]> = {
  A: ["A", "A is better"],
  B: ["B", "B is better"],
  tie: ["Tie", "Tie"],
  both_bad: ["Both bad", "Both bad"],
};

/**
 * One criterion's answers as a native radio group (Tab reaches it, arrows move within it), compact
 * enough for the decision bar: on a phone each criterion is one row of short answers ("A", "B"),
 * wider screens spell them out. Key hints only where there is a keyboard (.kbd-hint).
 */
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
      className={cn(
        "flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md p-1",
        active && "ring-2 ring-brand-600",
      )}
      data-testid={`criterion-${c.key}`}
      onFocus={props.onFocus}
    >
      <legend className="float-left mr-1 text-sm font-semibold">
        {c.label}
        {c.description ? (
          <span className="sr-only md:not-sr-only md:ml-2 md:font-normal md:text-muted">{c.description}</span>
        ) : null}
      </legend>
      <div className="flex flex-wrap gap-1.5">
        {options.map((o) => (
          <label
            key={o}
            className="flex min-h-9 cursor-pointer items-center gap-1 rounded-md border border-slate-400 px-2.5 text-sm has-checked:border-brand-700 has-checked:bg-brand-50 has-checked:font-semibold"
          >
            <input
              type="radio"
              className="accent-brand-700"
              name={`choice-${c.key}`}
              value={o}
              aria-label={LABEL[o][1]}
              checked={value === o}
              onChange={() => props.onChoose(o)}
            />
            <span aria-hidden="true" className="sm:hidden">
              {LABEL[o][0]}
            </span>
            <span aria-hidden="true" className="hidden sm:inline">
              {LABEL[o][1]}
            </span>
            <kbd className="kbd-hint rounded border border-current px-1 text-xs" aria-hidden="true">
              {CHOICE_KEY[o]}
            </kbd>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
