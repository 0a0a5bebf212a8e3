"use client";

import { cn } from "@/components/ui/cn";
import { RadioGroupField } from "@/components/ui/field";
import { CHOICE_LABEL, type TChoice } from "./choice-labels";

export type { TChoice };

export const CHOICE_KEY: Record<TChoice, string> = { A: "A", B: "B", tie: "T", both_bad: "X" };

/**
 * One criterion's answers as a native radio group (Tab reaches it, arrows move within it), compact
 * enough for the decision bar: on a phone each criterion is one row, its name then a segmented
 * row of short answers ("A", "B"; screen readers hear "A is better"), so the bar leaves the
 * responses in view; wider screens spell them out. Key hints only where there is a keyboard.
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
    <RadioGroupField<TChoice>
      name={`choice-${c.key}`}
      data-testid={`criterion-${c.key}`}
      wrapperClassName={cn("rounded-md p-0.5", active && "ring-2 ring-brand-600")}
      // Phones: a fixed-width name column in small type (two lines at most, as tall as the answers)
      // and tighter answers, so a criterion and all its answers share one line at 375 px.
      legendClassName="float-left mr-1.5 line-clamp-2 w-22 text-xs leading-[1.125rem] sm:mr-2 sm:line-clamp-none sm:w-auto sm:max-w-none sm:text-sm sm:leading-9"
      optionClassName="gap-0.5 px-1.5 sm:gap-1 sm:px-2.5"
      label={
        <>
          {c.label}
          {c.description ? (
            <span className="sr-only md:not-sr-only md:ml-2 md:font-normal md:text-muted">
              {c.description}
            </span>
          ) : null}
        </>
      }
      segmented
      options={options.map((o) => ({
        value: o,
        srLabel: CHOICE_LABEL[o][1],
        label: (
          <>
            {/* "Both bad" may take two short lines on a phone rather than widen the row. */}
            <span className="whitespace-normal leading-none sm:hidden">{CHOICE_LABEL[o][0]}</span>
            <span className="hidden sm:inline">{CHOICE_LABEL[o][1]}</span>
          </>
        ),
        suffix: (
          <kbd className="kbd-hint rounded border border-current px-1 text-xs" aria-hidden="true">
            {CHOICE_KEY[o]}
          </kbd>
        ),
      }))}
      value={value}
      onChange={props.onChoose}
      onFocus={props.onFocus}
    />
  );
}
