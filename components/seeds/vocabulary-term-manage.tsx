"use client";

import { useId, useState } from "react";
import { CheckboxField, Field } from "@/components/ui/field";
import type { TTermRow } from "@/lib/vocabulary/list-terms-page";
import { VocabularyTermCombobox, type TTermChoice } from "./vocabulary-term-combobox";
import { termUrl, textOf, VocabularyTermForm } from "./vocabulary-term-form";

/** A live term's folded-away forms: add an alias, rename, retire into another term. */
export function VocabularyTermManage({ term }: { term: TTermRow }) {
  const uid = useId();
  const [replacement, setReplacement] = useState<TTermChoice | null>(null);
  return (
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
        Retired terms stay on the seeds that have them but cannot be chosen for new ones. With no replacement
        chosen, imports list the label as unknown.
      </p>
    </div>
  );
}
