"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import {
  postReopen,
  queueUrls,
  undoTarget,
  type TQueueFeature,
  type TWorkProgress,
} from "@/components/queue/queue-api";
import { Button } from "@/components/ui/button";
import { formatEstimate } from "@/lib/queue/work-estimate";

export type TWorkHeaderProps = {
  feature: TQueueFeature;
  scopeId: string;
  /** Changes after every submit, skip or undo, so the counts are read again. */
  refreshKey: number;
  /**
   * The answer Undo would reopen: the last one submitted here; null: none (just undone);
   * undefined: nothing submitted on this screen yet, so the server's progress decides, which
   * keeps Undo across a reload while the rules allow it.
   */
  lastSubmitted: string | null | undefined;
  onReopened: () => Promise<void>;
};

/**
 * The work screen's header (issue 15): the rater-facing title of the campaign or study, "n of N"
 * for the person and for the whole queue, the time left at their own median pace, and Undo of the
 * last answer. Names no model: the title is the one raters see, the counts are counts.
 */
export function WorkHeader(p: TWorkHeaderProps) {
  const urls = queueUrls(p.feature, p.scopeId);
  const progress = useQuery({
    queryKey: ["work-progress", p.feature, p.scopeId, p.refreshKey],
    queryFn: () => apiFetch<TWorkProgress>(urls.progress),
    placeholderData: (prev) => prev,
    // Always the server's word: refreshKey restarts at 0 when the screen is opened again (from My
    // answers, say), so a cached answer under the same key would show old counts and an Undo the
    // server would now refuse.
    staleTime: 0,
  });
  // One key per answer reopened: a retried click is the same request.
  const key = useRef<{ id: string; key: string } | null>(null);
  const undo = useMutation({
    mutationFn: (assignmentId: string) => {
      if (key.current?.id !== assignmentId) key.current = { id: assignmentId, key: crypto.randomUUID() };
      return postReopen(urls.reopen(assignmentId), key.current.key);
    },
    onSuccess: () => p.onReopened(),
  });
  const d = progress.data;
  const undoId = undoTarget(p.lastSubmitted, d);
  return (
    <header className="space-y-1" data-testid="work-header">
      <h2 className="text-lg font-semibold text-slate-900" data-testid="work-title">
        {d?.title ?? "\u00a0"}
      </h2>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-muted">
        {d ? (
          <>
            <span data-testid="work-mine">
              You: {d.mine.done} of {d.mine.total}
            </span>
            <span data-testid="work-queue">
              Everyone: {d.queue.done} of {d.queue.total}
            </span>
            <span data-testid="work-estimate" title="At your median time per item (shown after 3 answers)">
              Time left: {formatEstimate(d.estimateMs)}
            </span>
          </>
        ) : null}
        {undoId ? (
          <Button
            type="button"
            variant="secondary"
            disabled={undo.isPending}
            onClick={() => undo.mutate(undoId)}
            data-testid="work-undo"
          >
            {undo.isPending ? "Reopening…" : "Undo last answer"}
          </Button>
        ) : null}
        {undo.error ? (
          <span role="alert" className="text-error" data-testid="work-undo-error">
            {detailOf(undo.error, "Could not reopen your last answer.")}
          </span>
        ) : null}
      </div>
    </header>
  );
}
