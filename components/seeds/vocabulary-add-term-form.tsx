"use client";

import { Field, SelectField } from "@/components/ui/field";
import { VOCABULARY_KIND_LABEL, VOCABULARY_KINDS } from "@/lib/vocabulary/kinds";
import { TERMS_PATH } from "./vocabulary-api";
import { textOf, VocabularyTermForm } from "./vocabulary-term-form";

const KINDS = VOCABULARY_KINDS.map((k) => ({ value: k, label: VOCABULARY_KIND_LABEL[k] }));

export function VocabularyAddTermForm() {
  return (
    <VocabularyTermForm
      request={(f) => [TERMS_PATH, { body: { kind: textOf(f, "kind"), label: textOf(f, "label") } }]}
      submit="Add term"
      done="Added."
    >
      {(e) => (
        <>
          <SelectField label="Kind" name="kind" options={KINDS} errors={e?.kind} />
          <Field label="Label" name="label" errors={e?.label} />
        </>
      )}
    </VocabularyTermForm>
  );
}
