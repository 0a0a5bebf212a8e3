"use client";

import { VERDICT_LABEL, type TVerdict } from "./verdict-labels";
import { useCallback, useDeferredValue, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextAreaField } from "@/components/ui/field";
import { DiffView } from "@/components/audits/diff-view";
import { useAutoGrow } from "@/components/audits/use-auto-grow";
import { useGuidelineDefinitions } from "@/components/guidelines/guidelines-gate";
import { MarkdownText } from "@/components/markdown/markdown-text";
import { Transcript } from "@/components/conversations/transcript";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import type { TSpan } from "@/components/phi/phi-marked-text";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import type { TKeyBinding } from "@/components/queue/keyboard-map";
import { QueueShell } from "@/components/queue/queue-shell";
import { useWorkQueue } from "@/components/queue/use-work-queue";
import { phiKindLabel } from "@/lib/phi/labels";
import type { TTurn } from "@/lib/conversations/types";

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
  /** Conversations: the turns before the output under review, and their PHI spans by turn. */
  context?: TTurn[] | null;
  contextPhiSpans?: TSpan[][];
};

const PHI_FIELDS = { correctedOutput: "Correction", rationale: "Rationale" };

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

const NO_SPANS: TSpan[] = [];

/**
 * The keyboard-first review screen: a accept, r reject, e edit, 1–9 flags, Enter submit, s skip
 * (the shell's keys). The record reads as rendered markdown with its possible identifiers marked;
 * "Needs revision" turns the output's own panel into its raw text, editable in place, with the
 * word diff against the original below it (no second copy beside the first).
 */
export function ReviewWorkspace({ campaignId }: { campaignId: string }) {
  const [verdict, setVerdict] = useState<TVerdict | null>(null);
  const [flags, setFlags] = useState<string[]>([]);
  const definitions = useGuidelineDefinitions();
  const [correction, setCorrection] = useState("");
  const [rationale, setRationale] = useState("");
  const correctionRef = useRef<HTMLTextAreaElement>(null);
  const focusCorrection = useRef(false);
  const editing = verdict === "revise";
  useAutoGrow(correctionRef, correction, editing);
  useEffect(() => {
    // "e" or "Needs revision": the panel has just become the text box; put the caret in it.
    if (editing && focusCorrection.current) correctionRef.current?.focus();
    focusCorrection.current = false;
  }, [editing]);
  const startEditing = () => {
    focusCorrection.current = true;
    setVerdict("revise");
  };

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
      if (editing) correctionRef.current?.focus();
      else startEditing();
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
  const recordSpans = task?.phiSpans ?? { instruction: NO_SPANS, input: NO_SPANS, output: NO_SPANS };
  const recordKinds = [
    ...new Set(
      [
        ...recordSpans.instruction,
        ...recordSpans.input,
        ...recordSpans.output,
        ...(task?.contextPhiSpans ?? []).flat(),
      ].map((s) => phiKindLabel(s.kind)),
    ),
  ];
  // The diff follows the typing a beat behind on long answers; the text box never waits for it.
  const diffed = useDeferredValue(correction);
  const correctionFindings = written.filter((f) => f.field === "correctedOutput");

  const heading = "text-sm font-semibold uppercase text-slate-600";
  // The output under review: on its own beside the instruction, or a conversation's final turn.
  const outputSection = task ? (
    <section className="min-w-0 space-y-2" aria-labelledby="output-heading" data-testid="output-panel">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="output-heading" className={heading}>
          {editing ? "Output: your correction" : "Output"}
        </h2>
        {editing ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              setCorrection(task.output);
              setVerdict(null);
            }}
          >
            Discard correction
          </Button>
        ) : (
          <Button type="button" variant="secondary" onClick={startEditing}>
            Edit the output<span className="kbd-hint"> (e)</span>
          </Button>
        )}
      </div>
      {editing ? (
        <>
          <TextAreaField
            ref={correctionRef}
            name="correction"
            id="correction"
            label={
              <>
                Correction<span className="kbd-hint"> (Esc leaves the box)</span>
              </>
            }
            hint="The raw text, markdown marks included; what you change is shown word by word below."
            className="field-sizing-content min-h-48 font-mono text-[0.8rem] leading-relaxed"
            value={correction}
            onChange={(e) => setCorrection(e.target.value)}
          />
          <PhiFindingsInline text={correction} findings={correctionFindings} />
          {diffed !== task.output ? (
            <DiffView
              before={task.output}
              after={diffed}
              beforeSpans={recordSpans.output}
              afterSpans={diffed === correction ? correctionFindings : NO_SPANS}
            />
          ) : null}
        </>
      ) : (
        <div
          className="max-h-[50vh] overflow-y-auto lg:max-h-none lg:overflow-visible"
          tabIndex={0}
          role="region"
          aria-label="Output text"
        >
          <MarkdownText
            text={task.output}
            spans={recordSpans.output}
            className="rounded bg-white p-3"
            testId="task-output"
          />
        </div>
      )}
    </section>
  ) : null;
  const itemPanel = task ? (
    <>
      {recordKinds.length ? (
        <p
          className="rounded-md border-l-4 border-warning bg-warning-soft p-2 text-sm text-warning"
          data-testid="record-phi-note"
        >
          This record may hold patient identifiers ({recordKinds.join(", ")}), marked below. If it does,
          reject it and say so in the rationale.
        </p>
      ) : null}
      {task.context ? (
        // A chat: its turns in order, the output panel (with its correction) as the final turn.
        <Transcript context={task.context} spansByTurn={task.contextPhiSpans} final={outputSection} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          <section
            className="space-y-2 lg:sticky lg:top-4 lg:self-start"
            aria-labelledby="instruction-heading"
          >
            <h2 id="instruction-heading" className={heading}>
              Instruction
            </h2>
            <MarkdownText
              text={task.instruction}
              spans={recordSpans.instruction}
              className="rounded bg-white p-3"
              testId="task-instruction"
            />
            {task.input ? (
              <>
                <h2 className={heading}>Input</h2>
                <MarkdownText
                  text={task.input}
                  spans={recordSpans.input}
                  className="rounded bg-white p-3"
                  testId="task-input"
                />
              </>
            ) : null}
          </section>
          {outputSection}
        </div>
      )}
    </>
  ) : null;

  const answerPanel = task ? (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap gap-x-4 gap-y-1" aria-label="Error flags">
        {task.flags.map((f, i) => (
          <CheckboxField
            key={f.key}
            name="flags"
            value={f.key}
            label={
              <>
                <kbd className="kbd-hint rounded border px-1 text-xs">{i + 1}</kbd> {f.label}
              </>
            }
            hint={
              definitions.get(f.key) ? (
                // The guidelines' definition: read aloud with the box; shown where there is room.
                <span className="sr-only md:not-sr-only">{definitions.get(f.key)}</span>
              ) : undefined
            }
            checked={flags.includes(f.key)}
            onChange={() => toggleFlag(f.key)}
            data-testid={`flag-${f.key}`}
          />
        ))}
      </fieldset>
      <TextAreaField
        name="rationale"
        label="Rationale (optional)"
        rows={2}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <PhiFindingsInline text={rationale} findings={written.filter((f) => f.field === "rationale")} />
    </div>
  ) : null;

  const decision = task ? (
    <fieldset className="flex flex-wrap gap-2" aria-label="Verdict">
      {(Object.keys(VERDICT_LABEL) as TVerdict[]).map((v) => (
        <Button
          key={v}
          type="button"
          variant={verdict === v ? "primary" : "secondary"}
          aria-pressed={verdict === v}
          onClick={() => (v === "revise" && !editing ? startEditing() : setVerdict(v))}
        >
          {VERDICT_LABEL[v][0]}
          <span className="kbd-hint"> ({VERDICT_LABEL[v][1]})</span>
        </Button>
      ))}
    </fieldset>
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
      decision={decision}
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
