"use client";

import { Notice } from "@/components/ui/notice";
import { phiKindLabel } from "@/lib/phi/labels";
import { formatBytes } from "@/lib/seeds/import-limits";
import type { TImportPhase, TImportResult } from "@/lib/seeds/import-seeds";
import { choiceText, type TImportAnswer, type TImportChoice } from "./import-request";
import { VocabularyLabelMapping } from "./vocabulary-label-mapping";

export type TImportRun = { dryRun: boolean; choice: TImportChoice; fileName: string; size: number };
const SHOWN = 50;

/** The answer to one check or import: its summary, or the refusal with what to fix. */
export function SeedImportOutcome({
  run,
  answer,
  ms,
  canMapLabels,
  onRecheck,
}: {
  run: TImportRun | null;
  answer: TImportAnswer;
  ms: number;
  canMapLabels: boolean;
  onRecheck: () => void;
}) {
  const facts = run ? (
    <p className="text-xs" data-testid="import-facts">
      {run.fileName}: {formatBytes(run.size)} sent, {run.dryRun ? "checked" : "answered"} in{" "}
      {(ms / 1000).toFixed(1)} s; {run.dryRun ? "previewed" : "ran"} the {choiceText(run.choice)}.
    </p>
  ) : null;
  if (answer.kind === "done") return <ImportSummary result={answer.result} facts={facts} />;
  if (answer.unknownLabels.length)
    return (
      <div className="space-y-2">
        {facts}
        <VocabularyLabelMapping labels={answer.unknownLabels} canMap={canMapLabels} onAllMapped={onRecheck} />
      </div>
    );
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
            {r.addedTerms.length} new terms {would} added for the unknown labels (near-duplicate spellings as
            aliases of one term): {r.addedTerms.map((a) => a.label).join(", ")}.
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
        {r.phases?.length ? (
          <p className="text-xs" data-testid="import-phases">
            On the server: {r.phases.map((p) => `${PHASE_LABEL[p.phase]} ${p.ms} ms`).join(", ")}.
          </p>
        ) : null}
        {facts}
      </div>
    </Notice>
  );
}

const PHASE_LABEL: Record<TImportPhase, string> = {
  parse: "reading the records",
  labels: "matching labels",
  duplicates: "finding duplicates",
  identifiers: "looking for patient identifiers",
  store: "storing",
};
