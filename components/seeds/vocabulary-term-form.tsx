"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/http/action-client";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

/** One small vocabulary form: hidden ids, the caller's inputs, a button and its outcome (field errors included). */
export function VocabularyTermForm({
  action,
  hidden,
  submit,
  submitLabel,
  done,
  children,
  variant = "secondary",
}: {
  action: TAction;
  hidden: Record<string, string>;
  submit: string;
  /** Accessible name when the visible text is ambiguous on a long list. */
  submitLabel?: string;
  done: string;
  children?: (errors: Record<string, string[]> | undefined) => ReactNode;
  variant?: "secondary" | "danger";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={formAction} noValidate className="flex flex-wrap items-end gap-2">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {children?.(errors)}
      <Button
        type="submit"
        variant={variant}
        className="px-2 py-1 text-xs"
        disabled={pending}
        aria-label={submitLabel}
      >
        {submit}
      </Button>
      <span aria-live="polite" className="text-xs">
        {state?.ok === false && !errors ? <span className="text-error">{state.message}</span> : null}
        {state?.ok ? <span className="text-success">{done}</span> : null}
      </span>
    </form>
  );
}
