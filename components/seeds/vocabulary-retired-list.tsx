"use client";

import type { TTermRow } from "@/lib/vocabulary/list-terms-page";
import { VOCABULARY_KIND_LABEL } from "@/lib/vocabulary/kinds";
import { VocabularyTermForm } from "./vocabulary-term-form";

/** Retired terms, each restorable (refused if a live term has taken one of its spellings since). */
export function VocabularyRetiredList({ terms }: { terms: TTermRow[] }) {
  return (
    <ul className="divide-y text-sm" data-testid="terms-retired">
      {terms.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-2 py-1.5">
          <span className="text-muted">{VOCABULARY_KIND_LABEL[t.kind]}</span>
          <span className="font-medium line-through decoration-slate-400">{t.label}</span>
          <VocabularyTermForm
            request={() => [`/api/v1/vocabulary/terms/${t.id}/restore`, { method: "POST" }]}
            submit="Restore"
            submitLabel={`Restore “${t.label}”`}
            done="Restored."
          />
        </li>
      ))}
    </ul>
  );
}
