"use client";

import { useCallback, useEffect, useState } from "react";
import { elapsedLabel, percentOf, sizeLabel } from "./import-progress-text";

export type TSummaryItem = { label: string; value: string | number };

/** Where an import stands: sending the file, the server working on it, or done with a summary. */
export type TImportStatus =
  | { phase: "idle" }
  | { phase: "uploading"; sent: number; total: number; startedAt: number }
  | { phase: "processing"; bytes: number; startedAt: number }
  | { phase: "done"; headline: string; items: TSummaryItem[]; tookMs: number };

/** When the import began: kept across phases, so "done" can say how long it took. */
const started = (s: TImportStatus) => ("startedAt" in s ? s.startedAt : Date.now());

/**
 * The state of one import, for a form to drive in a line or two: `uploading` as bytes go out
 * (XMLHttpRequest progress), `processing` once they are sent (or at once, where the form's fetch
 * has no upload progress), `done` with the result, `reset` on a new file or an error.
 */
export function useImportProgress() {
  const [status, setStatus] = useState<TImportStatus>({ phase: "idle" });
  const uploading = useCallback(
    (sent: number, total: number) =>
      setStatus((s) => ({ phase: "uploading", sent, total, startedAt: started(s) })),
    [],
  );
  const processing = useCallback(
    (bytes: number) => setStatus((s) => ({ phase: "processing", bytes, startedAt: started(s) })),
    [],
  );
  const done = useCallback(
    (headline: string, items: TSummaryItem[] = []) =>
      setStatus((s) => ({ phase: "done", headline, items, tookMs: Date.now() - started(s) })),
    [],
  );
  const reset = useCallback(() => setStatus({ phase: "idle" }), []);
  // An upload's progress callback: the last byte sent means the server now has the work.
  const track = useCallback(
    (sent: number, total: number) =>
      total > 0 && sent >= total
        ? setStatus((s) => ({ phase: "processing", bytes: total, startedAt: started(s) }))
        : setStatus((s) => ({ phase: "uploading", sent, total, startedAt: started(s) })),
    [],
  );
  const busy = status.phase === "uploading" || status.phase === "processing";
  return { status, busy, uploading, processing, track, done, reset };
}

/** Seconds since `startedAt`, ticking while shown, so a long import visibly goes on. */
function useElapsed(startedAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (startedAt === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [startedAt]);
  return startedAt === null ? 0 : Math.max(0, now - startedAt);
}

/**
 * Progress of an import in words and a bar (percent while the file is sent, indeterminate while
 * the server reads it, with the time so far), then a summary of what was imported. Announced
 * politely; the summary's headline keeps the form's own test id.
 */
export function ImportProgress({
  status,
  doneTestId = "import-done",
}: {
  status: TImportStatus;
  doneTestId?: string;
}) {
  const elapsed = useElapsed(
    status.phase === "uploading" || status.phase === "processing" ? status.startedAt : null,
  );
  if (status.phase === "idle") return null;
  if (status.phase === "done") {
    return (
      <div role="status" className="space-y-1 text-sm" data-testid="import-summary">
        <p className="font-medium text-success" data-testid={doneTestId}>
          {status.headline}
        </p>
        {status.items.length ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
            {status.items.map((i) => (
              <div key={i.label} className="contents">
                <dt className="text-muted">{i.label}</dt>
                <dd className="min-w-0 break-words">{i.value}</dd>
              </div>
            ))}
            <dt className="text-muted">Took</dt>
            <dd>{elapsedLabel(status.tookMs)}</dd>
          </dl>
        ) : null}
      </div>
    );
  }
  const uploading = status.phase === "uploading";
  // The ticking time is not announced: a live region that changes every second is noise.
  const text = uploading
    ? `Sending the file: ${percentOf(status.sent, status.total)}% of ${sizeLabel(status.total)}`
    : `Importing ${sizeLabel(status.bytes)}: the server is reading the records`;
  return (
    <div className="space-y-1 text-sm" data-testid="import-progress">
      <progress
        className="block w-full"
        max={100}
        aria-label={uploading ? "Upload progress" : "Import in progress"}
        {...(uploading ? { value: percentOf(status.sent, status.total) } : {})}
      />
      <p role="status">
        {text}
        <span aria-hidden="true"> · {elapsedLabel(elapsed)}</span>
      </p>
    </div>
  );
}
