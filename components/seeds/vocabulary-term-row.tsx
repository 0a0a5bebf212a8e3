"use client";

import { useState } from "react";
import type { TTermRow } from "@/lib/vocabulary/list-terms-page";
import { VOCABULARY_KIND_LABEL } from "@/lib/vocabulary/kinds";
import { VocabularyTermManage } from "./vocabulary-term-manage";
import { termUrl, VocabularyTermForm } from "./vocabulary-term-form";

/**
 * A live term: its aliases (each removable) and, folded away, add alias, rename and retire. The
 * folded forms are rendered on first opening only: rendered for all 50 rows up front they were most
 * of the page's HTML and of its hydration (three forms and a typeahead per row, never seen closed).
 */
export function VocabularyTermRow({ term }: { term: TTermRow }) {
  // Stays true once opened, so a form keeps its outcome and input when the row is folded again.
  const [opened, setOpened] = useState(false);
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
      <details className="text-sm" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
        <summary className="cursor-pointer text-xs text-muted">Manage “{term.label}”</summary>
        {opened ? <VocabularyTermManage term={term} /> : null}
      </details>
    </li>
  );
}
