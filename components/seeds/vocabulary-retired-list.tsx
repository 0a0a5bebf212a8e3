"use client";

import { restoreTermAction } from "@/lib/vocabulary/vocabulary-actions";
import { VocabularyTermForm } from "./vocabulary-term-form";

/** Retired terms, each restorable (refused if a live term has taken one of its spellings since). */
export function VocabularyRetiredList({ terms }: { terms: { id: string; kind: string; label: string }[] }) {
  return (
    <ul className="divide-y text-sm" data-testid="terms-retired">
      {terms.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center gap-2 py-1.5">
          <span className="text-slate-600">{t.kind}</span>
          <span className="font-medium line-through decoration-slate-400">{t.label}</span>
          <VocabularyTermForm
            action={restoreTermAction}
            hidden={{ termId: t.id }}
            submit="Restore"
            submitLabel={`Restore “${t.label}”`}
            done="Restored."
          />
        </li>
      ))}
    </ul>
  );
}
