"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, FileField, SelectField } from "@/components/ui/field";
import { uploadWithProgress } from "@/components/ui/upload-with-progress";
import { formatBytes, MAX_IMPORT_BYTES } from "@/lib/seeds/import-limits";
import {
  contentTypeOf,
  importUrl,
  readImportAnswer,
  refusalBeforeUpload,
  type TImportAnswer,
  type TImportChoice,
} from "./import-request";
import { SeedImportOutcome, type TImportRun } from "./seed-import-outcome";

const IMPORT_AS = [
  { value: "submitted", label: "Submitted (needs review)" },
  { value: "approved", label: "Approved" },
];

type TProgress = { run: TImportRun; sent: number; uploaded: boolean; started: number };

/**
 * Sends the file as the body of POST /api/v1/seeds/import, the route pipelines use, so the screen
 * takes exactly what the API takes (a server action's body limit would refuse it first). The form
 * is never reset, so the chosen file survives every check, refusal and error.
 */
export function SeedImportForm({ canMapLabels }: { canMapLabels: boolean }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [progress, setProgress] = useState<TProgress | null>(null);
  const [outcome, setOutcome] = useState<{
    id: number;
    run: TImportRun | null;
    answer: TImportAnswer;
    ms: number;
  } | null>(null);
  const outcomes = useRef(0);
  const [now, setNow] = useState(0);

  // Long imports: the elapsed time moves, so the screen is visibly at work.
  useEffect(() => {
    if (!progress) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [progress]);

  const refuse = (run: TImportRun | null, message: string) =>
    setOutcome({
      id: ++outcomes.current,
      run,
      answer: { kind: "refused", status: 0, message, unknownLabels: [], recordErrors: [] },
      ms: 0,
    });

  const start = async (form: HTMLFormElement, dryRun: boolean) => {
    const file = fileRef.current?.files?.[0] ?? null;
    const data = new FormData(form);
    const choice: TImportChoice = {
      status: data.get("status") === "approved" ? "approved" : "submitted",
      addUnknown: data.get("addUnknown") === "on",
    };
    const run: TImportRun | null = file ? { dryRun, choice, fileName: file.name, size: file.size } : null;
    const before = refusalBeforeUpload(file);
    if (before || !file || !run) return refuse(run, before ?? "Choose a seed file first");
    const started = Date.now();
    setOutcome(null);
    setNow(started);
    setProgress({ run, sent: 0, uploaded: false, started });
    try {
      const answer = await uploadWithProgress({
        url: importUrl(choice, dryRun),
        file,
        contentType: contentTypeOf(file.name),
        onProgress: (sent) => setProgress((p) => (p ? { ...p, sent } : p)),
        onSent: () => setProgress((p) => (p ? { ...p, sent: run.size, uploaded: true } : p)),
      });
      setOutcome({
        id: ++outcomes.current,
        run,
        answer: readImportAnswer(answer.status, answer.body),
        ms: Date.now() - started,
      });
    } catch (err) {
      refuse(run, err instanceof Error ? err.message : "The upload failed: try again");
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const verb = progress?.run.dryRun ? "Checking" : "Importing";
  return (
    <div className="space-y-4">
      <form
        ref={formRef}
        className="flex flex-wrap items-end gap-3"
        aria-label="Import seeds"
        onSubmit={(e) => {
          e.preventDefault();
          const submitter = e.nativeEvent.submitter;
          void start(e.currentTarget, submitter?.getAttribute("value") !== "import");
        }}
      >
        <FileField
          ref={fileRef}
          id="seed-file"
          name="file"
          label="Seed file (AlpaCare JSON or JSON Lines)"
          accept=".json,.jsonl,.ndjson,application/json"
          onChange={() => setOutcome(null)}
        />
        <SelectField id="seed-status" name="status" label="Import as" compact options={IMPORT_AS} />
        <CheckboxField name="addUnknown" label="Add remaining unknown labels as new terms" />
        <Button type="submit" name="intent" value="check" variant="secondary" disabled={busy}>
          Check
        </Button>
        <Button type="submit" name="intent" value="import" disabled={busy}>
          Import
        </Button>
      </form>
      <p className="text-xs text-slate-600">
        Up to {formatBytes(MAX_IMPORT_BYTES)}, the same as <code>POST /api/v1/seeds/import</code>. Check runs
        the same import as a dry run: nothing is stored.
      </p>
      {progress ? (
        <div role="status" aria-live="polite" data-testid="import-progress" className="space-y-1 text-sm">
          <ol className="flex flex-wrap gap-x-4 text-xs" aria-label="Import steps" data-testid="import-steps">
            <li className={progress.uploaded ? "text-success" : "font-semibold"}>
              1. Upload{progress.uploaded ? " ✓" : ""}
            </li>
            <li className={progress.uploaded ? "font-semibold" : "text-muted"}>
              2. Server: read the records, match labels, find duplicates and identifiers
              {progress.run.dryRun ? "" : ", store"}
            </li>
            <li className="text-muted">3. Summary</li>
          </ol>
          {progress.uploaded ? (
            <progress className="block w-full" aria-label={`${verb} on the server`} />
          ) : (
            <progress
              className="block w-full"
              max={Math.max(progress.run.size, 1)}
              value={progress.sent}
              aria-label="Upload progress"
            />
          )}
          {/* The line on its own hook: the step list above shares the status region. */}
          <p data-testid="import-progress-line">
            Sent {formatBytes(progress.sent)} of {formatBytes(progress.run.size)}
            {progress.uploaded ? `. ${verb} the records on the server…` : "…"}{" "}
            {/* Seen, not announced: a live region that changes every second is noise. */}
            <span aria-hidden="true">{Math.floor((now - progress.started) / 1000)} s</span>
          </p>
        </div>
      ) : null}
      {/* Keyed per answer: a new check starts the label mapping afresh. */}
      {outcome ? (
        <SeedImportOutcome
          key={outcome.id}
          run={outcome.run}
          answer={outcome.answer}
          ms={outcome.ms}
          canMapLabels={canMapLabels}
          onRecheck={() => formRef.current && void start(formRef.current, true)}
        />
      ) : null}
    </div>
  );
}
