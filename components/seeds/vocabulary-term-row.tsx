"use client";

import { useId, useState } from "react";
import { CheckboxField, Field } from "@/components/ui/field";
import type { TTermRow } from "@/lib/vocabulary/list-terms-page";
import { VOCABULARY_KIND_LABEL } from "@/lib/vocabulary/schemas";
import { VocabularyTermCombobox, type TTermChoice } from "./vocabulary-term-combobox";
import { textOf, VocabularyTermForm } from "./vocabulary-term-form";

const termUrl = (id: string, rest = "") => `/api/v1/vocabulary/terms/${id}${rest}`;

/** A live term: its aliases (each removable) and, folded away, add alias, rename and retire. */
export function VocabularyTermRow({ term }: { term: TTermRow }) {
  const uid = useId();
  const [replacement, setReplacement] = useState<TTermChoice | null>(null);
  return (
    <li className="space-y-1 py-2" data-testid="vocabulary-term">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-xs text-muted">{VOCABULARY_KIND_LABEL[term.kind]}</span>
        <span className="font-medium break-words">{term.label}</span>
        {term.aliases.map((a) => (
          <span
            key={a}
            className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700"
          >
            {a}
            <VocabularyTermForm
              request={() => [termUrl(term.id, "/aliases/remove"), { body: { alias: a } }]}
              submit="×"
              submitLabel={`Remove alias “${a}” of “${term.label}”`}
              done=""
            />
          </span>
        ))}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-xs text-muted">Manage “{term.label}”</summary>
        <div className="mt-2 space-y-2 border-l-2 border-slate-200 pl-3">
          <VocabularyTermForm
            request={(f) => [termUrl(term.id, "/aliases"), { body: { alias: textOf(f, "alias") } }]}
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
            request={(f) => [
              termUrl(term.id),
              {
                method: "PATCH",
                body: { label: textOf(f, "label"), keepOldAsAlias: f.get("keepOldAsAlias") === "on" },
              },
            ]}
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
            request={() => [termUrl(term.id, "/retire"), { body: { replacementId: replacement?.id ?? "" } }]}
            submit="Retire"
            variant="danger"
            done="Retired."
          >
            {(e) => (
              <VocabularyTermCombobox
                kind={term.kind}
                label={`Imports that use “${term.label}” map to`}
                value={replacement}
                onChange={setReplacement}
                exclude={term.id}
                errors={e?.replacementId}
              />
            )}
          </VocabularyTermForm>
          <p className="text-xs text-muted">
            Retired terms stay on the seeds that have them but cannot be chosen for new ones. With no
            replacement chosen, imports list the label as unknown.
          </p>
        </div>
      </details>
    </li>
  );
}
