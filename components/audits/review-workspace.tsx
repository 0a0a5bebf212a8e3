"use client";

import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DiffView } from "@/components/audits/diff-view";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { PhiMarkedText, type TSpan } from "@/components/phi/phi-marked-text";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import type { TKeyBinding } from "@/components/queue/keyboard-map";
import { QueueShell } from "@/components/queue/queue-shell";
import { useWorkQueue } from "@/components/queue/use-work-queue";
import { phiKindLabel } from "@/lib/phi/labels";

type TFlag = { key: string; label: string };
type TTask = {
  assignmentId: string;
  instruction: string;
  input: string;
  output: string;
  flags: TFlag[];
  draft: {
    verdict?: string | null;
    flags?: string[];
    correctedOutput?: string | null;
    rationale?: string | null;
    elapsedMs?: number;
  } | null;
  phiSpans?: { instruction: TSpan[]; input: TSpan[]; output: TSpan[] };
};

const PHI_FIELDS = { correctedOutput: "Correction", rationale: "Rationale" };
type TVerdict = "accept" | "reject" | "revise";

const VERDICT_LABEL: Record<TVerdict, [string, string]> = {
  accept: ["Accept", "a"],
  reject: ["Reject", "r"],
  revise: ["Needs revision", "e"],
};

const BINDINGS: TKeyBinding[] = [
  { keys: ["a"], action: "accept", label: "Accept" },
  { keys: ["r"], action: "reject", label: "Reject" },
  { keys: ["e"], action: "revise", label: "Needs revision: edit the output" },
  {
    keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
    action: "flag",
    label: "Toggle the error flag of that number",
  },
];

/** The keyboard-first review screen: a accept, r reject, e edit, 1–9 flags, Enter submit, s skip (the shell's keys). */
export function ReviewWorkspace({ campaignId }: { campaignId: string }) {
  const [verdict, setVerdict] = useState<TVerdict | null>(null);
  const [flags, setFlags] = useState<string[]>([]);
  const [correction, setCorrection] = useState("");
  const [rationale, setRationale] = useState("");
  const correctionRef = useRef<HTMLTextAreaElement>(null);

  const q = useWorkQueue<TTask>({
    feature: "audit",
    scopeId: campaignId,
    onItem: (t) => {
      const d = t.draft ?? {};
      setVerdict((d.verdict as TVerdict | null | undefined) ?? null);
      setFlags(d.flags ?? []);
      setCorrection(d.correctedOutput ?? t.output);
      setRationale(d.rationale ?? "");
    },
    draft: () => ({ verdict, flags, correctedOutput: correction, rationale }),
    draftKey: JSON.stringify([verdict, flags, correction, rationale]),
    messages: { saved: "Saved.", skipped: "Skipped." },
  });
  const task = q.item;

  const submit = (phiConfirmed = false) => {
    if (!task || !verdict) return;
    void q.submit(
      {
        verdict,
        flags,
        correctedOutput: verdict === "revise" ? correction : undefined,
        rationale: rationale || undefined,
      },
      phiConfirmed,
    );
  };

  const toggleFlag = useCallback((key: string) => {
    setFlags((f) => (f.includes(key) ? f.filter((x) => x !== key) : [...f, key]));
  }, []);

  const onAction = (action: string, key: string) => {
    if (action === "accept") setVerdict("accept");
    else if (action === "reject") setVerdict("reject");
    else if (action === "revise") {
      setVerdict("revise");
      setTimeout(() => correctionRef.current?.focus(), 0);
    } else if (action === "flag") {
      const flag = task?.flags[Number(key) - 1];
      if (flag) toggleFlag(flag.key);
    }
  };

  const written = useWrittenFindings(
    task
      ? [
          {
            field: "correctedOutput",
            text: verdict === "revise" ? correction : "",
            baselines: [task.output],
          },
          { field: "rationale", text: rationale },
        ]
      : [],
  );
  const recordSpans = task?.phiSpans ?? { instruction: [], input: [], output: [] };
  const recordKinds = [
    ...new Set(
      [...recordSpans.instruction, ...recordSpans.input, ...recordSpans.output].map((s) =>
        phiKindLabel(s.kind),
      ),
    ),
  ];

  const itemPanel = task ? (
    <>
      {recordKinds.length ? (
        <p
          className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950"
          data-testid="record-phi-note"
        >
          This record may hold patient identifiers ({recordKinds.join(", ")}), marked below. If it does,
          reject it and say so in the rationale.
        </p>
      ) : null}
      <section className="space-y-2">
        <h2 className="text-sm font-semibold uppercase text-slate-600">Instruction</h2>
        <p className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3" data-testid="task-instruction">
          <PhiMarkedText text={task.instruction} spans={recordSpans.instruction} />
        </p>
        {task.input ? (
          <>
            <h2 className="text-sm font-semibold uppercase text-slate-600">Input</h2>
            <p className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3" data-testid="task-input">
              <PhiMarkedText text={task.input} spans={recordSpans.input} />
            </p>
          </>
        ) : null}
      </section>
    </>
  ) : null;

  const answerPanel = task ? (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <section>
          <h2 className="text-sm font-semibold uppercase text-slate-600">Output</h2>
          <p className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3" data-testid="task-output">
            <PhiMarkedText text={task.output} spans={recordSpans.output} />
          </p>
        </section>
        <section>
          <label htmlFor="correction" className="text-sm font-semibold uppercase text-slate-600">
            Correction<span className="kbd-hint"> (e to edit, Esc to leave)</span>
          </label>
          {/* Editing (not merely focusing, as Tab does on the way to Submit) makes the verdict a revision.
              No opacity for the idle state: it would take the label below contrast AA. */}
          <textarea
            id="correction"
            ref={correctionRef}
            className={`h-48 w-full rounded border border-slate-500 p-2 text-sm ${verdict === "revise" ? "bg-white" : "bg-slate-50"}`}
            value={correction}
            onChange={(e) => {
              setCorrection(e.target.value);
              setVerdict("revise");
            }}
          />
          <PhiFindingsInline
            text={correction}
            findings={written.filter((f) => f.field === "correctedOutput")}
          />
          {verdict === "revise" && correction !== task.output ? (
            <DiffView before={task.output} after={correction} />
          ) : null}
        </section>
      </div>
      <fieldset className="flex flex-wrap gap-2" aria-label="Verdict">
        {(Object.keys(VERDICT_LABEL) as TVerdict[]).map((v) => (
          <Button
            key={v}
            type="button"
            variant={verdict === v ? "primary" : "secondary"}
            aria-pressed={verdict === v}
            onClick={() => setVerdict(v)}
          >
            {VERDICT_LABEL[v][0]}
            <span className="kbd-hint"> ({VERDICT_LABEL[v][1]})</span>
          </Button>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap gap-3 text-sm" aria-label="Error flags">
        {task.flags.map((f, i) => (
          <label key={f.key} className="flex items-center gap-1">
            <input
              type="checkbox"
              checked={flags.includes(f.key)}
              onChange={() => toggleFlag(f.key)}
              data-testid={`flag-${f.key}`}
            />
            <kbd className="kbd-hint rounded border px-1 text-xs">{i + 1}</kbd> {f.label}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        Rationale (optional)
        <textarea
          className="mt-1 h-16 w-full rounded border border-slate-500 p-2"
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      </label>
      <PhiFindingsInline text={rationale} findings={written.filter((f) => f.field === "rationale")} />
    </>
  ) : null;

  return (
    <QueueShell
      testId="review-workspace"
      queue={q}
      infoTestId="review-message"
      onSubmit={() => submit()}
      submitDisabled={!verdict}
      submitTestId="submit-review"
      progress={<span data-testid="queue-progress">{q.doneCount} done</span>}
      bindings={BINDINGS}
      onAction={onAction}
      empty={<p data-testid="queue-empty">Nothing left for you in this campaign. Thank you.</p>}
      itemPanel={itemPanel}
      answerPanel={answerPanel}
      confirm={
        q.phiRefusal ? (
          <PhiConfirm
            refusal={q.phiRefusal}
            fieldLabels={PHI_FIELDS}
            busy={q.busy}
            onConfirm={() => submit(true)}
            onCancel={() => q.setPhiRefusal(null)}
          />
        ) : null
      }
    />
  );
}
