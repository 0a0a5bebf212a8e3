"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { keyLabel, SHELL_BINDINGS, type TKeyBinding } from "@/components/queue/keyboard-map";
import type { TAutosaveState as TSaveState } from "@/components/data/use-autosave";
import { useKeyboardMap } from "@/components/queue/use-keyboard-map";
import type { TQueueFeature } from "@/components/queue/queue-api";
import { WorkHeader } from "@/components/queue/work-header";

const SAVE_TEXT: Record<TSaveState, string> = {
  idle: "",
  saving: "Saving draft…",
  saved: "Draft saved",
  failed: "Draft not saved (will retry on your next change)",
};

/** What the shell reads of useWorkQueue's state (both screens pass their `q` whole). */
export type TShellQueue = {
  item: unknown;
  done: boolean;
  busy: boolean;
  error: string | null;
  info: string | null;
  canRetry: boolean;
  retryIn: number | null;
  retry: () => void;
  skip: () => Promise<unknown>;
  draftState: TSaveState;
  /** The header's (work-header.tsx): which queue, and Undo of the last answer. */
  feature: TQueueFeature;
  scopeId: string;
  changes: number;
  lastSubmitted: string | null | undefined;
  afterReopen: () => Promise<void>;
};

export type TQueueShellProps = {
  testId: string;
  queue: TShellQueue;
  infoTestId: string;
  onSubmit: () => void;
  submitDisabled?: boolean;
  submitTestId?: string;
  /** "n done" where the feature knows it. */
  progress?: ReactNode;
  /** The screen's own keys; the shell adds Enter (submit), s (skip) and ? (help). */
  bindings: readonly TKeyBinding[];
  onAction: (action: string, key: string) => void;
  /** Shown when nothing is left. */
  empty: ReactNode;
  itemPanel: ReactNode;
  answerPanel: ReactNode;
  /** The verdict or choice controls, kept in view with Submit in the decision bar. */
  decision?: ReactNode;
  /** The PHI confirmation, when the server asked for one. */
  confirm?: ReactNode;
};

/**
 * The one work screen of audits and studies: status line, the item panel (what is judged), the
 * answer panel (the judgement), errors with retry, submit and skip, and the keyboard map with its
 * help overlay. It takes panels already rendered and plain status values, never the item itself,
 * so nothing it shows can carry a model's identity that a panel did not show.
 */
export function QueueShell(p: TQueueShellProps) {
  const q = p.queue;
  // Keys answer only while an item is on screen.
  const hasItem = q.item !== null;
  const onSkip = () => void q.skip();
  const [help, setHelp] = useState(false);
  const all = [...p.bindings, ...SHELL_BINDINGS];
  useKeyboardMap(hasItem, all, (action, key) => {
    if (action === "help") setHelp((h) => !h);
    else if (action === "submit") p.onSubmit();
    else if (action === "skip") onSkip();
    else p.onAction(action, key);
  });

  const header = (
    <WorkHeader
      feature={q.feature}
      scopeId={q.scopeId}
      refreshKey={q.changes}
      lastSubmitted={q.lastSubmitted}
      onReopened={q.afterReopen}
    />
  );
  if (q.done)
    return (
      <>
        {header}
        {p.empty}
      </>
    );
  const retry = q.canRetry ? (
    <span className="ml-2 inline-flex items-center gap-2">
      {q.retryIn !== null ? <span data-testid="queue-retry-in">Trying again in {q.retryIn} s.</span> : null}
      <Button type="button" variant="secondary" onClick={q.retry} disabled={q.busy} data-testid="queue-retry">
        Retry now
      </Button>
    </span>
  ) : null;
  if (!hasItem) {
    return q.error ? (
      <div data-testid="queue-error">
        <Notice tone="error">
          {q.error}
          {retry}
        </Notice>
      </div>
    ) : (
      <p className="text-sm text-slate-600">Loading…</p>
    );
  }

  return (
    <div className="space-y-4" data-testid={p.testId}>
      {header}
      <div className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600">
        {p.progress}
        <span role="status" data-testid="draft-status">
          {SAVE_TEXT[q.draftState]}
        </span>
        <button
          type="button"
          className="kbd-hint ml-auto text-brand-700 underline"
          aria-expanded={help}
          onClick={() => setHelp((h) => !h)}
        >
          Keyboard shortcuts (?)
        </button>
      </div>
      {help ? <HelpOverlay bindings={all} onClose={() => setHelp(false)} /> : null}
      {q.info ? (
        <p role="status" className="text-sm text-slate-700" data-testid={p.infoTestId}>
          {q.info}
        </p>
      ) : null}
      {p.itemPanel}
      {p.answerPanel}
      {/* The decision bar stays at the bottom of the viewport however long the answers are, so
          the controls are never a scroll away; the server's refusals and errors show in it,
          where the person's eyes are when they submit. */}
      <div
        className="sticky bottom-0 z-10 -mx-4 max-h-[60vh] space-y-2 overflow-y-auto border-t border-slate-300 bg-white px-4 py-2 shadow-[0_-2px_6px_rgb(15_23_42/0.08)]"
        data-testid="decision-bar"
      >
        {p.confirm}
        {q.error ? (
          <div data-testid="queue-error">
            <Notice tone="error">
              {q.error}
              {retry}
            </Notice>
          </div>
        ) : null}
        <div className="flex flex-wrap items-end gap-x-4 gap-y-2">
          {p.decision}
          <div className="ml-auto flex gap-2">
            <Button
              type="button"
              onClick={p.onSubmit}
              disabled={q.busy || p.submitDisabled}
              data-testid={p.submitTestId}
            >
              {q.busy ? "Working…" : "Submit"}
              <span className="kbd-hint ml-1"> (Enter)</span>
            </Button>
            <Button type="button" variant="secondary" onClick={onSkip} disabled={q.busy}>
              Skip<span className="kbd-hint ml-1"> (s)</span>
            </Button>
          </div>
        </div>
      </div>
    </div>
  );
}

function HelpOverlay({ bindings, onClose }: { bindings: readonly TKeyBinding[]; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    close.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div
      role="dialog"
      aria-label="Keyboard shortcuts"
      className="kbd-hint rounded-lg border border-slate-300 bg-white p-4 shadow"
      data-testid="queue-help"
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {bindings.map((b) => (
          <div key={b.action} className="contents">
            <dt>
              <kbd className="rounded border border-slate-400 px-1">{keyLabel(b.keys)}</kbd>
            </dt>
            <dd>{b.label}</dd>
          </div>
        ))}
        <div className="contents">
          <dt>
            <kbd className="rounded border border-slate-400 px-1">Esc</kbd>
          </dt>
          <dd>Leave a text box; close this list</dd>
        </div>
      </dl>
      <button
        type="button"
        ref={close}
        className="mt-3 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100"
        onClick={onClose}
      >
        Close
      </button>
    </div>
  );
}
