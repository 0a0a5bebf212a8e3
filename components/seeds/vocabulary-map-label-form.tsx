"use client";

import { useActionState, useEffect, useId } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { addAliasAction, addTermAction } from "@/lib/vocabulary/vocabulary-actions";

type TTermOption = { id: string; label: string };

/** One unknown import label: map it to an existing term (an alias) or add it as a new term; onDone tells the list. */
export function VocabularyMapLabelForm({
  kind,
  label,
  terms,
  onDone,
}: {
  kind: string;
  label: string;
  terms: TTermOption[];
  onDone?: () => void;
}) {
  const selectId = useId();
  const [mapState, mapAction, mapping] = useActionState(addAliasAction, null);
  const [addState, addAction, adding] = useActionState(addTermAction, null);
  const done = mapState?.ok
    ? `Mapped to “${mapState.data.label}”`
    : addState?.ok
      ? "Added as a new term"
      : null;
  const error = mapState?.ok === false ? mapState.message : addState?.ok === false ? addState.message : null;
  useEffect(() => {
    if (done) onDone?.();
  }, [done, onDone]);
  if (done) return <span className="text-sm text-success">{done}</span>;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={mapAction} className="flex items-center gap-2">
        <input type="hidden" name="alias" value={label} />
        <SelectField
          id={selectId}
          name="termId"
          label={`Map “${label}” to`}
          hideLabel
          compact
          options={terms.map((t) => ({ value: t.id, label: t.label }))}
        />
        <Button
          type="submit"
          variant="secondary"
          className="px-2 py-1 text-xs"
          disabled={mapping || terms.length === 0}
        >
          Map
        </Button>
      </form>
      <form action={addAction}>
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="label" value={label} />
        <Button type="submit" variant="secondary" className="px-2 py-1 text-xs" disabled={adding}>
          Add as new
        </Button>
      </form>
      {error ? (
        <span role="alert" className="text-xs text-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
