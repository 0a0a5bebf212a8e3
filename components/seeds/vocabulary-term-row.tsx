"use client";

import { useId } from "react";
import {
  addAliasAction,
  removeAliasAction,
  renameTermAction,
  retireTermAction,
} from "@/lib/vocabulary/vocabulary-actions";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { VocabularyTermForm } from "./vocabulary-term-form";

type TTerm = { id: string; label: string; aliases: string[] };

/** A live term: its aliases (each removable) and, folded away, add alias, rename and retire. */
export function VocabularyTermRow({
  term,
  others,
}: {
  term: TTerm;
  others: { id: string; label: string }[];
}) {
  const uid = useId();
  return (
    <li className="space-y-1 py-2" data-testid="vocabulary-term">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{term.label}</span>
        {term.aliases.map((a) => (
          <span
            key={a}
            className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700"
          >
            {a}
            <VocabularyTermForm
              action={removeAliasAction}
              hidden={{ termId: term.id, alias: a }}
              submit="×"
              submitLabel={`Remove alias “${a}” of “${term.label}”`}
              done=""
            />
          </span>
        ))}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-slate-600">Manage “{term.label}”</summary>
        <div className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
          <VocabularyTermForm
            action={addAliasAction}
            hidden={{ termId: term.id }}
            submit="Add alias"
            done="Alias added."
          >
            {(e) => (
              <Field
                id={`${uid}-alias`}
                name="alias"
                label={`New alias of “${term.label}”`}
                compact
                errors={e?.alias}
              />
            )}
          </VocabularyTermForm>
          <VocabularyTermForm
            action={renameTermAction}
            hidden={{ termId: term.id }}
            submit="Rename"
            done="Renamed."
          >
            {(e) => (
              <>
                <Field
                  id={`${uid}-label`}
                  name="label"
                  label={`New label for “${term.label}”`}
                  compact
                  defaultValue={term.label}
                  errors={e?.label}
                />
                <CheckboxField
                  id={`${uid}-keep`}
                  name="keepOldAsAlias"
                  defaultChecked
                  label="Keep the old label as an alias"
                />
              </>
            )}
          </VocabularyTermForm>
          <VocabularyTermForm
            action={retireTermAction}
            hidden={{ termId: term.id }}
            submit="Retire"
            variant="danger"
            done="Retired."
          >
            {(e) => (
              <SelectField
                id={`${uid}-replacement`}
                name="replacementId"
                label={`Imports that use “${term.label}” map to`}
                compact
                errors={e?.replacementId}
                options={[
                  { value: "", label: "(nothing: list it as unknown)" },
                  ...others.map((o) => ({ value: o.id, label: o.label })),
                ]}
              />
            )}
          </VocabularyTermForm>
          <p className="text-xs text-slate-600">
            Retired terms stay on the seeds that have them but cannot be chosen for new ones.
          </p>
        </div>
      </details>
    </li>
  );
}
