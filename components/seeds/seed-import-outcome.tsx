"use client";

import { useState } from "react";
import { Notice } from "@/components/ui/notice";
import { phiKindLabel } from "@/lib/phi/labels";
import { formatBytes } from "@/lib/seeds/import-limits";
import type { TImportResult } from "@/lib/seeds/import-seeds";
import type { TUnknownLabel } from "@/lib/seeds/resolve-import-labels";
import { choiceText, type TImportAnswer, type TImportChoice } from "./import-request";
import { VocabularyMapLabelForm } from "./vocabulary-map-label-form";

export type TImportRun = { dryRun: boolean; choice: TImportChoice; fileName: string; size: number };
type TTermOption = { id: string; label: string; kind: string };

const SHOWN = 50;

/** The answer to one check or import: its summary, or the refusal with what to fix. */
export function SeedImportOutcome({
  run,
  answer,
  ms,
  terms,
}: {
  run: TImportRun | null;
  answer: TImportAnswer;
  ms: number;
  terms: TTermOption[];
}) {
  const facts = run ? (
    <p className="text-xs" data-testid="import-facts">
      {run.fileName}: {formatBytes(run.size)} sent, {run.dryRun ? "checked" : "answered"} in{" "}
      {(ms / 1000).toFixed(1)} s; {run.dryRun ? "previewed" : "ran"} the {choiceText(run.choice)}.
    </p>
  ) : null;
  if (answer.kind === "done") return <ImportSummary result={answer.result} facts={facts} />;
  if (answer.unknownLabels.length)
    return <UnknownLabels labels={answer.unknownLabels} terms={terms} facts={facts} />;
  return (
    <Notice tone="error" title={answer.message}>
      {answer.recordErrors.length ? (
        <ul className="list-disc pl-5" data-testid="record-errors">
          {answer.recordErrors.slice(0, SHOWN).map((e) => (
            <li key={`${e.record}-${e.field}`}>
              Record {e.record}, {e.field}: {e.message}
            </li>
          ))}
          {answer.recordErrors.length > SHOWN ? (
            <li>…and {answer.recordErrors.length - SHOWN} more</li>
          ) : null}
        </ul>
      ) : null}
      {facts}
      <p className="text-xs">
        Nothing was stored. The file is still chosen: change the options and try again, or fix the file and
        choose it again.
      </p>
    </Notice>
  );
}

function ImportSummary({ result: r, facts }: { result: TImportResult; facts: React.ReactNode }) {
  const would = r.dryRun ? "would be" : "were";
  return (
    <Notice
      tone="success"
      title={r.dryRun ? `The file can be imported: ${r.count} seeds` : `Imported ${r.count} seeds`}
    >
      <div className="space-y-1" data-testid="import-summary">
        <p>
          {r.count} records, {r.mapped.length} spellings mapped to canonical labels, {r.nearDuplicates.length}{" "}
          near duplicates (ROUGE-L &gt; 0.7), {r.phiWarnings.length} possible patient identifiers.
        </p>
        <p>
          {r.approved} {r.dryRun ? "would be approved" : "approved"}, {r.count - r.approved}{" "}
          {r.dryRun ? "would be submitted" : "submitted"} for review.
        </p>
        {r.addedTerms.length ? (
          <p>
            {r.addedTerms.length} unknown labels {would} added as new terms:{" "}
            {r.addedTerms.map((a) => a.label).join(", ")}.
          </p>
        ) : null}
        {r.heldForReview.length ? (
          <p data-testid="held-for-review">
            {r.dryRun ? "Would hold" : "Held"} {r.heldForReview.length} seeds with possible patient
            identifiers as submitted instead of approved (records{" "}
            {r.heldForReview.map((h) => h.record).join(", ")}): a reviewer must clear each finding or the text
            must be fixed first.
          </p>
        ) : null}
        {r.phiWarnings.length ? (
          <ul className="list-disc pl-5" data-testid="phi-warnings">
            {r.phiWarnings.slice(0, SHOWN).map((w) => (
              <li key={`${w.record}-${w.field}-${w.kind}`}>
                Record {w.record}, {w.field}: possible {phiKindLabel(w.kind)}
              </li>
            ))}
            {r.phiWarnings.length > SHOWN ? <li>…and {r.phiWarnings.length - SHOWN} more</li> : null}
          </ul>
        ) : null}
        {r.mapped.some((m) => m.retiredTerm) ? (
          <p>
            Labels of retired terms mapped through aliases:{" "}
            {r.mapped
              .filter((m) => m.retiredTerm)
              .map((m) => `“${m.from}” → “${m.to}”`)
              .join(", ")}
            .
          </p>
        ) : null}
        {facts}
      </div>
    </Notice>
  );
}

/** Unknown labels, each mapped or added in place; the count left goes down with each one done. */
function UnknownLabels({
  labels,
  terms,
  facts,
}: {
  labels: TUnknownLabel[];
  terms: TTermOption[];
  facts: React.ReactNode;
}) {
  const [done, setDone] = useState<ReadonlySet<string>>(new Set());
  const keyOf = (u: TUnknownLabel) => `${u.kind}-${u.label}`;
  const left = labels.filter((u) => !done.has(keyOf(u)));
  const retired = left.filter((u) => u.retiredTerm).length;
  const title = left.length
    ? `${left.length} of ${labels.length} labels are not in the vocabularies: map or add them, or tick “Add remaining unknown labels as new terms”` +
      (retired ? ` (${retired} belong to retired terms: map them to a live term or restore the term)` : "")
    : `All ${labels.length} unknown labels are mapped or added: check the file again`;
  return (
    <div className="space-y-3">
      <Notice tone="warning" title={title}>
        <p>Nothing was stored.</p>
        {facts}
      </Notice>
      <table className="w-full text-left text-sm" data-testid="unknown-labels">
        <thead className="border-b text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Kind
            </th>
            <th scope="col" className="py-2 pr-3">
              Unknown label
            </th>
            <th scope="col" className="py-2 pr-3">
              Records
            </th>
            <th scope="col" className="py-2">
              Map or add
            </th>
          </tr>
        </thead>
        <tbody>
          {labels.map((u) => (
            <tr key={keyOf(u)} className="border-b align-top">
              <td className="py-2 pr-3">{u.kind.toLowerCase()}</td>
              <td className="py-2 pr-3">
                {u.spellings.join(" · ")}
                {u.retiredTerm ? (
                  <span className="block text-xs text-amber-800">
                    Retired term “{u.retiredTerm}”: map it to a live term or restore it
                  </span>
                ) : null}
              </td>
              <td className="py-2 pr-3">{u.records.length}</td>
              <td className="py-2">
                <VocabularyMapLabelForm
                  kind={u.kind}
                  label={u.label}
                  terms={terms.filter((t) => t.kind === u.kind)}
                  onDone={() => setDone((d) => (d.has(keyOf(u)) ? d : new Set(d).add(keyOf(u))))}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
