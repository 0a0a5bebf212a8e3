"use client";

import { useId } from "react";
import {
  addAliasAction,
  removeAliasAction,
  renameTermAction,
  retireTermAction,
} from "@/lib/vocabulary/vocabulary-actions";
import { VocabularyTermForm } from "./vocabulary-term-form";

type TTerm = { id: string; label: string; aliases: string[] };

const inputClass = "rounded border border-slate-500 px-2 py-1 text-sm";

function ErrorText({ id, errors }: { id: string; errors: string[] | undefined }) {
  return errors?.length ? (
    <span id={id} role="alert" className="text-xs text-error">
      {errors.join(" ")}
    </span>
  ) : null;
}

/** A live term: its aliases (each removable) and, folded away, add alias, rename and retire. */
export function VocabularyTermRow({ term, others }: { term: TTerm; others: { id: string; label: string }[] }) {
  const uid = useId();
  return (
    <li className="space-y-1 py-2" data-testid="vocabulary-term">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{term.label}</span>
        {term.aliases.map((a) => (
          <span key={a} className="inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
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
          <VocabularyTermForm action={addAliasAction} hidden={{ termId: term.id }} submit="Add alias" done="Alias added.">
            {(e) => (
              <label className="flex flex-col text-xs">
                New alias of “{term.label}”
                <input name="alias" className={inputClass} aria-invalid={Boolean(e?.alias) || undefined} aria-describedby={`${uid}-alias`} />
                <ErrorText id={`${uid}-alias`} errors={e?.alias} />
              </label>
            )}
          </VocabularyTermForm>
          <VocabularyTermForm action={renameTermAction} hidden={{ termId: term.id }} submit="Rename" done="Renamed.">
            {(e) => (
              <>
                <label className="flex flex-col text-xs">
                  New label for “{term.label}”
                  <input name="label" defaultValue={term.label} className={inputClass} aria-invalid={Boolean(e?.label) || undefined} aria-describedby={`${uid}-label`} />
                  <ErrorText id={`${uid}-label`} errors={e?.label} />
                </label>
                <label className="flex items-center gap-1 text-xs">
                  <input type="checkbox" name="keepOldAsAlias" defaultChecked /> Keep the old label as an alias
                </label>
              </>
            )}
          </VocabularyTermForm>
          <VocabularyTermForm action={retireTermAction} hidden={{ termId: term.id }} submit="Retire" variant="danger" done="Retired.">
            {(e) => (
              <label className="flex flex-col text-xs">
                Imports that use “{term.label}” map to
                <select name="replacementId" className={inputClass} aria-describedby={`${uid}-replacement`}>
                  <option value="">(nothing: list it as unknown)</option>
                  {others.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.label}
                    </option>
                  ))}
                </select>
                <ErrorText id={`${uid}-replacement`} errors={e?.replacementId} />
              </label>
            )}
          </VocabularyTermForm>
          <p className="text-xs text-slate-600">Retired terms stay on the seeds that have them but cannot be chosen for new ones.</p>
        </div>
      </details>
    </li>
  );
}
