"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { addTermAction } from "@/lib/vocabulary/vocabulary-actions";

const KINDS = [
  { value: "TOPIC", label: "Topic" },
  { value: "VIEW", label: "View" },
  { value: "TYPE", label: "Type" },
];

export function VocabularyAddTermForm({ kind, label }: { kind?: string; label?: string }) {
  const [state, action, pending] = useActionState(addTermAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
      <SelectField label="Kind" name="kind" options={KINDS} defaultValue={kind} errors={fe?.kind} />
      <Field label="Label" name="label" defaultValue={label} errors={fe?.label} />
      <Button type="submit" disabled={pending}>
        Add term
      </Button>
      <div aria-live="polite" className="sm:col-span-3">
        {state?.ok === false && !fe ? <Notice tone="error">{state.message}</Notice> : null}
        {state?.ok ? <Notice tone="success">Added “{state.data.label}”.</Notice> : null}
      </div>
    </form>
  );
}
