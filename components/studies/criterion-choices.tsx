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
      legendClassName="float-left mr-2 w-20 truncate leading-9 sm:w-auto sm:max-w-none"
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
            <span className="sm:hidden">{CHOICE_LABEL[o][0]}</span>
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
