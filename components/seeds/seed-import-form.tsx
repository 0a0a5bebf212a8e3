"use client";

import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { importSeedFileAction } from "@/lib/seeds/import-actions";
import { VocabularyMapLabelForm } from "./vocabulary-map-label-form";

type TTermOption = { id: string; label: string; kind: string };

export function SeedImportForm({ terms }: { terms: TTermOption[] }) {
  const [state, action, pending] = useActionState(importSeedFileAction, null);
  const result = state?.ok ? state.data : null;
  return (
    <div className="space-y-4">
      {/* Submitted by hand, not through the form action, so the chosen file survives a check. */}
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const submitter = e.nativeEvent.submitter;
          const data = new FormData(e.currentTarget, submitter);
          startTransition(() => action(data));
        }}
      >
        <div>
          <label htmlFor="seed-file" className="block text-sm font-medium">
            Seed file (AlpaCare JSON or JSON Lines)
          </label>
          <input id="seed-file" name="file" type="file" accept=".json,.jsonl,application/json" className="text-sm" />
        </div>
        <div>
          <label htmlFor="seed-status" className="block text-sm font-medium">
            Import as
          </label>
          <select id="seed-status" name="status" className="rounded border border-slate-500 px-2 py-1 text-sm">
            <option value="submitted">Submitted (needs review)</option>
            <option value="approved">Approved</option>
          </select>
        </div>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="addUnknown" /> Add remaining unknown labels as new terms
        </label>
        <Button type="submit" name="intent" value="check" variant="secondary" disabled={pending}>
          Check
        </Button>
        <Button type="submit" name="intent" value="import" disabled={pending}>
          Import
        </Button>
      </form>
      {state?.ok === false ? (
        <Notice tone="error">
          {state.message}
          {state.fieldErrors ? ` ${Object.values(state.fieldErrors).flat().join(" ")}` : ""}
        </Notice>
      ) : null}
      {result && !result.refused ? (
        <Notice tone="success" title={result.dryRun ? "The file can be imported" : `Imported ${result.count} seeds`}>
          <p>
            {result.count} records, {result.mapped.length} spellings mapped to canonical labels, {result.nearDuplicates.length} near
            duplicates (ROUGE-L &gt; 0.7), {result.phiWarnings.length} possible patient identifiers.
            {result.unknownLabels.length ? ` ${result.unknownLabels.length} unknown labels will be added as new terms.` : ""}
          </p>
          {result.heldForReview.length ? (
            <p data-testid="held-for-review">
              {result.dryRun ? "Would hold" : "Held"} {result.heldForReview.length} seeds with possible patient identifiers as submitted instead of
              approved (records {result.heldForReview.map((h) => h.record).join(", ")}): a reviewer must clear each finding or the text must be fixed first.
            </p>
          ) : null}
          {result.mapped.some((m) => m.retiredTerm) ? (
            <p>
              Labels of retired terms mapped through aliases:{" "}
              {result.mapped
                .filter((m) => m.retiredTerm)
                .map((m) => `“${m.from}” → “${m.to}”`)
                .join(", ")}
              .
            </p>
          ) : null}
        </Notice>
      ) : null}
      {result?.refused ? (
        <Notice tone="warning" title={result.message}>
          {result.recordErrors.length ? (
            <ul className="list-disc pl-5" data-testid="record-errors">
              {result.recordErrors.slice(0, 50).map((e) => (
                <li key={`${e.record}-${e.field}`}>
                  Record {e.record}, {e.field}: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      {result?.refused && result.unknownLabels.length ? (
        <table className="w-full text-left text-sm" data-testid="unknown-labels">
          <thead className="border-b text-xs uppercase text-slate-600">
            <tr>
              <th scope="col" className="py-2 pr-3">Kind</th>
              <th scope="col" className="py-2 pr-3">Unknown label</th>
              <th scope="col" className="py-2 pr-3">Records</th>
              <th scope="col" className="py-2">Map or add</th>
            </tr>
          </thead>
          <tbody>
            {result.unknownLabels.map((u) => (
              <tr key={`${u.kind}-${u.label}`} className="border-b align-top">
                <td className="py-2 pr-3">{u.kind.toLowerCase()}</td>
                <td className="py-2 pr-3">
                  {u.spellings.join(" · ")}
                  {u.retiredTerm ? <span className="block text-xs text-amber-800">Retired term “{u.retiredTerm}”: map it to a live term or restore it</span> : null}
                </td>
                <td className="py-2 pr-3">{u.records.length}</td>
                <td className="py-2">
                  <VocabularyMapLabelForm kind={u.kind} label={u.label} terms={terms.filter((t) => t.kind === u.kind)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
