"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { CriterionChoices, type TChoice } from "@/components/studies/criterion-choices";
import { RatingItem, type TRatingPrompt } from "@/components/studies/rating-prompt";
import { TextAreaField } from "@/components/ui/field";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import { Notice } from "@/components/ui/notice";
import type { TClaim } from "@/components/queue/queue-api";
import type { TKeyBinding } from "@/components/queue/keyboard-map";
import { QueueShell } from "@/components/queue/queue-shell";
import { useWorkQueue } from "@/components/queue/use-work-queue";

type TAssignment = {
  assignmentId: string;
  prompt: TRatingPrompt;
  responses: { label: "A" | "B"; text: string }[];
  criteria: { key: string; label: string; description: string }[];
  options: { allowTie: boolean; allowBothBad: boolean; rationale: string };
  progress: { submitted: number };
  draft: { choices: Record<string, TChoice>; rationale: string; elapsedMs: number } | null;
};

type TNext = { assignment: TAssignment | null; error: string | null };

const BINDINGS: TKeyBinding[] = [
  { keys: ["a"], action: "choose:A", label: "A is better (on the highlighted criterion)" },
  { keys: ["b"], action: "choose:B", label: "B is better" },
  { keys: ["t"], action: "choose:tie", label: "Tie (when the study allows it)" },
  { keys: ["x"], action: "choose:both_bad", label: "Both bad (when the study allows it)" },
  { keys: ["ArrowUp"], action: "up", label: "Previous criterion", notOnChoice: true },
  { keys: ["ArrowDown"], action: "down", label: "Next criterion", notOnChoice: true },
  { keys: ["r"], action: "rationale", label: "Write the rationale" },
];

/** The page's claim in the shell's terms. */
function initialClaim(r: TNext): TClaim<TAssignment> {
  if (r.error) return { kind: "refused", status: 409, message: r.error };
  return r.assignment ? { kind: "item", item: r.assignment } : { kind: "empty" };
}

/** The panels' state for an assignment: the draft's choices restored, the first unanswered criterion active. */
function panelsFor(a: TAssignment | null) {
  const choices: Record<string, TChoice> = a
    ? Object.fromEntries(
        Object.entries(a.draft?.choices ?? {}).filter(([k]) => a.criteria.some((c) => c.key === k)),
      )
    : {};
  const active = a
    ? Math.max(
        0,
        a.criteria.findIndex((c) => !choices[c.key]),
      )
    : 0;
  return { choices, active, rationale: a?.draft?.rationale ?? "" };
}

/**
 * The blinded rating screen: it only ever holds what the API sends a rater (texts labelled A and
 * B). Its draft is in the same terms, so the autosave cannot carry a model identity either. The
 * first assignment comes with the page (claimed on the server), so the first screen arrives
 * rendered; later ones are claimed through the API by the shared queue shell.
 */
export function RatingPanel({ studyId, initial }: { studyId: string; initial?: TNext }) {
  // No initial claim (the guidelines were acknowledged on this screen): the shell claims on mount.
  const [start] = useState(() => panelsFor(initial && !initial.error ? initial.assignment : null));
  const [choices, setChoices] = useState<Record<string, TChoice>>(start.choices);
  const [active, setActive] = useState(start.active);
  const [rationale, setRationale] = useState(start.rationale);
  const [elapsed, setElapsed] = useState(0);
  // On a phone the rationale box waits behind a toggle, so the bar leaves the responses in view.
  const [rationaleOpen, setRationaleOpen] = useState(false);
  const openRationale = () => {
    setRationaleOpen(true);
    // Focus once the box is shown (it is display:none on a phone until then).
    requestAnimationFrame(() => rationaleRef.current?.focus());
  };
  const rationaleRef = useRef<HTMLTextAreaElement>(null);

  const q = useWorkQueue<TAssignment>({
    feature: "study",
    scopeId: studyId,
    initial: initial && initialClaim(initial),
    onItem: (a) => {
      const s = panelsFor(a);
      setChoices(s.choices);
      setActive(s.active);
      setRationale(s.rationale);
      setRationaleOpen(false);
    },
    draft: () => ({ choices, rationale }),
    draftKey: JSON.stringify([choices, rationale]),
    messages: { skipped: "Skipped: that comparison goes to another rater and will not come back to you." },
  });
  const assignment = q.item;
  const { elapsedMs, setError } = q;

  useEffect(() => {
    const t = setInterval(() => setElapsed(elapsedMs()), 1000);
    return () => clearInterval(t);
  }, [elapsedMs]);

  const allowed = useCallback(
    (c: TChoice) =>
      (c === "tie"
        ? assignment?.options.allowTie
        : c === "both_bad"
          ? assignment?.options.allowBothBad
          : true) ?? false,
    [assignment],
  );

  const submit = (phiConfirmed = false) => {
    if (!assignment || q.busy) return;
    const missing = assignment.criteria.filter((c) => !choices[c.key]);
    if (missing.length) {
      setError(`Choose an answer for ${missing.map((c) => c.label).join(", ")}`);
      return;
    }
    if (assignment.options.rationale === "required" && !rationale.trim()) {
      setError("Give a short rationale");
      openRationale();
      return;
    }
    void q.submit({ choices, rationale: rationale.trim() || undefined }, phiConfirmed);
  };

  const choose = (key: string, c: TChoice, index: number) => {
    setChoices((prev) => ({ ...prev, [key]: c }));
    if (assignment) setActive(Math.min(index + 1, assignment.criteria.length - 1));
  };

  const onAction = (action: string) => {
    if (!assignment) return;
    if (action.startsWith("choose:")) {
      const c = action.slice("choose:".length) as TChoice;
      const criterion = assignment.criteria[active];
      if (criterion && allowed(c)) choose(criterion.key, c, active);
    } else if (action === "rationale") openRationale();
    else if (action === "up") setActive((i) => Math.max(0, i - 1));
    else if (action === "down") setActive((i) => Math.min(assignment.criteria.length - 1, i + 1));
  };

  const written = useWrittenFindings([
    { field: "rationale", text: assignment && assignment.options.rationale !== "off" ? rationale : "" },
  ]);

  const options = (["A", "B", "tie", "both_bad"] as const).filter(allowed);
  const keyHint = assignment
    ? [
        "A",
        "B",
        ...(assignment.options.allowTie ? ["T (tie)"] : []),
        ...(assignment.options.allowBothBad ? ["X (both bad)"] : []),
      ].join(", ")
    : "";

  const itemPanel = assignment ? (
    <RatingItem prompt={assignment.prompt} responses={assignment.responses} />
  ) : null;

  const answerPanel = assignment ? (
    <p className="kbd-hint text-xs text-slate-600" data-testid="key-hints">
      Keyboard: {keyHint} answer the highlighted criterion; ↑/↓ move between criteria; Tab reaches every
      control
      {assignment.options.rationale !== "off"
        ? "; R writes the rationale (Esc leaves it, Ctrl+Enter submits from it)"
        : ""}
      ; S skips; Enter submits.
    </p>
  ) : null;

  const decision = assignment ? (
    // Phones: the answers take the bar's whole width (Submit and Skip wrap below them), so each
    // criterion fits on one line beside its name; wider screens keep them on one row.
    <div
      className="flex min-w-0 flex-[1_1_100%] flex-col gap-1 sm:flex-1"
      role="group"
      aria-label="Your answers"
    >
      {assignment.criteria.map((c, i) => (
        <CriterionChoices
          key={c.key}
          criterion={c}
          options={options}
          value={choices[c.key]}
          active={i === active}
          onChoose={(o) => choose(c.key, o, i)}
          onFocus={() => setActive(i)}
        />
      ))}
      {assignment.options.rationale !== "off" && !rationale ? (
        <button
          type="button"
          className="self-start text-sm text-brand-700 underline sm:hidden"
          aria-expanded={rationaleOpen}
          aria-controls="f-rationale"
          onClick={() => (rationaleOpen ? setRationaleOpen(false) : openRationale())}
          data-testid="rationale-toggle"
        >
          {rationaleOpen ? "Hide the rationale" : "Add a rationale"}
          {assignment.options.rationale === "required" ? " (required)" : ""}
        </button>
      ) : null}
      {assignment.options.rationale !== "off" ? (
        <TextAreaField
          wrapperClassName={rationaleOpen || rationale ? undefined : "hidden sm:block"}
          ref={rationaleRef}
          name="rationale"
          label={
            <>
              Rationale {assignment.options.rationale === "required" ? "(required)" : "(optional)"}{" "}
              <kbd
                className="kbd-hint rounded border border-slate-300 px-1 text-xs text-slate-600"
                aria-hidden="true"
              >
                R
              </kbd>
            </>
          }
          rows={1}
          compact
          className="field-sizing-content max-h-40"
          maxLength={5000}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
        />
      ) : null}
      <PhiFindingsInline text={rationale} findings={written} />
    </div>
  ) : null;

  return (
    <QueueShell
      testId="rating-panel"
      queue={q}
      infoTestId="rating-info"
      onSubmit={() => submit()}
      submitTestId="submit-rating"
      progress={
        assignment ? (
          <span>
            <span data-testid="rating-progress">You have rated {assignment.progress.submitted}</span> · this
            one <span data-testid="rating-timer">{Math.round(elapsed / 1000)} s</span>
          </span>
        ) : null
      }
      bindings={BINDINGS}
      onAction={onAction}
      empty={
        <Notice tone="success" title="All done">
          There is nothing left for you to rate in this study. Thank you.
        </Notice>
      }
      itemPanel={itemPanel}
      answerPanel={answerPanel}
      decision={decision}
      confirm={
        q.phiRefusal ? (
          <PhiConfirm
            refusal={q.phiRefusal}
            fieldLabels={{ rationale: "Rationale" }}
            busy={q.busy}
            onConfirm={() => submit(true)}
            onCancel={() => q.setPhiRefusal(null)}
          />
        ) : null
      }
    />
  );
}
