"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/http/action-client";

type TAction = (prev: unknown, form: FormData) => Promise<TActionResult<unknown>>;

/** A one-button form for a server action, with its outcome announced next to it. */
export function ActionButton({
  action,
  fields,
  label,
  variant = "secondary",
  confirm,
  done,
}: {
  action: TAction;
  fields: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  done?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form
      action={formAction}
      className="inline-flex items-center gap-2"
      onSubmit={(e) => {
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} className="px-2 py-1 text-xs">
        {label}
      </Button>
      <span aria-live="polite" className="text-xs">
        {state?.ok === false ? <span className="text-error">{state.message}</span> : null}
        {state?.ok && done ? <span className="text-success">{done}</span> : null}
      </span>
    </form>
  );
}
