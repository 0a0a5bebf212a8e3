"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { CriterionChoices, type TChoice } from "@/components/studies/criterion-choices";
import { ResponseText } from "@/components/studies/response-text";
import { useDraftAutosave } from "@/components/studies/use-draft-autosave";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";

type TAssignment = {
  assignmentId: string;
  prompt: { instruction: string; input: string };
  responses: { label: "A" | "B"; text: string }[];
  criteria: { key: string; label: string; description: string }[];
  options: { allowTie: boolean; allowBothBad: boolean; rationale: string };
  progress: { submitted: number };
  draft: { choices: Record<string, TChoice>; rationale: string; elapsedMs: number } | null;
};

const KEYS: Record<string, TChoice> = { a: "A", b: "B", t: "tie", x: "both_bad" };
const SAVE_TEXT = { idle: "", saving: "Saving draft…", saved: "Draft saved", failed: "Draft not saved (will retry on your next change)" } as const;

async function problemText(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: string };
    return p.detail ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}

type TNext = { assignment: TAssignment | null; error: string | null };

/** What the screen shows for an answer of "next": the draft's choices restored, the first unanswered criterion active. */
function screenFor(r: TNext) {
  const a = r.error ? null : r.assignment;
  const choices: Record<string, TChoice> = a ? Object.fromEntries(Object.entries(a.draft?.choices ?? {}).filter(([k]) => a.criteria.some((c) => c.key === k))) : {};
  const active = a ? Math.max(0, a.criteria.findIndex((c) => !choices[c.key])) : 0;
  return { assignment: a, done: !r.error && !r.assignment, error: r.error, choices, active, rationale: a?.draft?.rationale ?? "" };
}

async function fetchNext(studyId: string): Promise<TNext> {
  try {
    const res = await fetch(`/api/v1/studies/${studyId}/assignments/next`, { method: "POST" });
    if (!res.ok) return { assignment: null, error: await problemText(res) };
    const body = (await res.json()) as TAssignment | { assignmentId: null };
    return { assignment: body.assignmentId ? body : null, error: null };
  } catch {
    return { assignment: null, error: "The network failed. Reload the page to try again." };
  }
}

/** Typing in the rationale must not trigger the single-key shortcuts; radios and buttons may. */
function isTextEntry(el: HTMLElement | null): boolean {
  if (!el) return false;
  if (el.tagName === "TEXTAREA" || el.isContentEditable) return true;
  return el.tagName === "INPUT" && !["radio", "checkbox", "button", "submit"].includes((el as HTMLInputElement).type);
}

/**
 * The blinded rating screen: it only ever holds what the API sends a rater (texts labelled A and
 * B). Its draft is in the same terms, so the autosave cannot carry a model identity either. The
 * first assignment comes with the page (claimed on the server), so the first screen arrives
 * rendered; later ones are claimed through the API.
 */
export function RatingPanel({ studyId, initial }: { studyId: string; initial: TNext }) {
  const [start] = useState(() => screenFor(initial));
  const [assignment, setAssignment] = useState<TAssignment | null>(start.assignment);
  const [done, setDone] = useState(start.done);
  const [error, setError] = useState<string | null>(start.error);
  const [info, setInfo] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, TChoice>>(start.choices);
  const [active, setActive] = useState(start.active);
  const [rationale, setRationale] = useState(start.rationale);
  const [busy, setBusy] = useState(false);
  const [phiRefusal, setPhiRefusal] = useState<TPhiRefusal | null>(null);
  const [elapsed, setElapsed] = useState(0);
  const shownAt = useRef(0);
  const priorMs = useRef(0);
  const idemKey = useRef("");
  const rationaleRef = useRef<HTMLTextAreaElement>(null);

  const startClock = useCallback((a: TAssignment) => {
    priorMs.current = a.draft?.elapsedMs ?? 0;
    shownAt.current = Date.now();
    idemKey.current = crypto.randomUUID();
  }, []);

  const apply = useCallback(
    (r: TNext) => {
      const s = screenFor(r);
      setError(s.error);
      // After an error, what was on screen was just submitted or skipped: it must not stay up to be answered again.
      setAssignment(s.assignment);
      if (r.error) return;
      setDone(s.done);
      if (!s.assignment) return;
      setChoices(s.choices);
      setActive(s.active);
      setRationale(s.rationale);
      setPhiRefusal(null);
      startClock(s.assignment);
    },
    [startClock],
  );

  const elapsedMs = useCallback(() => priorMs.current + (shownAt.current ? Date.now() - shownAt.current : 0), []);

  const { state: saveState, discard } = useDraftAutosave(
    assignment ? `/api/v1/studies/${studyId}/assignments/${assignment.assignmentId}/draft` : null,
    () => ({ choices, rationale, elapsedMs: elapsedMs() }),
    JSON.stringify([choices, rationale]),
  );

  const next = useCallback(async () => {
    discard();
    apply(await fetchNext(studyId));
  }, [apply, discard, studyId]);

  useEffect(() => {
    if (start.assignment) startClock(start.assignment);
  }, [start, startClock]);

  useEffect(() => {
    const t = setInterval(() => setElapsed(elapsedMs()), 1000);
    return () => clearInterval(t);
  }, [elapsedMs]);

  const allowed = useCallback(
    (c: TChoice) => (c === "tie" ? assignment?.options.allowTie : c === "both_bad" ? assignment?.options.allowBothBad : true) ?? false,
    [assignment],
  );

  const submit = useCallback(async (phiConfirmed = false) => {
    if (!assignment || busy) return;
    const missing = assignment.criteria.filter((c) => !choices[c.key]);
    if (missing.length) {
      setError(`Choose an answer for ${missing.map((c) => c.label).join(", ")}`);
      return;
    }
    if (assignment.options.rationale === "required" && !rationale.trim()) {
      setError("Give a short rationale");
      rationaleRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    setInfo(null);
    setPhiRefusal(null);
    try {
      const res = await fetch(`/api/v1/assignments/${assignment.assignmentId}/judgement`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idemKey.current },
        body: JSON.stringify({ choices, rationale: rationale.trim() || undefined, durationMs: elapsedMs(), ...(phiConfirmed ? { phiConfirmed: true } : {}) }),
      });
      // A 422 stores nothing under the Idempotency-Key: confirming sends the same key again.
      const refusal = res.status === 422 ? phiRefusalOf(await res.clone().json().catch(() => null)) : null;
      if (refusal) setPhiRefusal(refusal);
      else if (res.status === 409) {
        // The lease went to someone else (or the study closed): move on, and say why.
        const message = await problemText(res);
        await next();
        setError(message);
      } else if (!res.ok) setError(await problemText(res));
      else {
        await res.json();
        await next();
      }
    } catch {
      setError("The network failed; your answer is kept here. Submit again.");
    } finally {
      setBusy(false);
    }
  }, [assignment, busy, choices, rationale, next, elapsedMs]);

  const skip = useCallback(async () => {
    if (!assignment || busy) return;
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/studies/${studyId}/assignments/${assignment.assignmentId}/skip`, { method: "POST" });
      if (!res.ok) {
        setError(await problemText(res));
        return;
      }
      await next();
      setInfo("Skipped: that comparison goes to another rater and will not come back to you.");
    } catch {
      setError("The network failed. Try again.");
    } finally {
      setBusy(false);
    }
  }, [assignment, busy, next, studyId]);

  const choose = useCallback(
    (key: string, c: TChoice, index: number) => {
      setChoices((prev) => ({ ...prev, [key]: c }));
      if (assignment) setActive(Math.min(index + 1, assignment.criteria.length - 1));
    },
    [assignment],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!assignment || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (isTextEntry(target)) {
        if (e.key === "Escape") target?.blur();
        else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      const criterion = assignment.criteria[active];
      const key = e.key.toLowerCase();
      const c = KEYS[key];
      const onRadio = target instanceof HTMLInputElement && target.type === "radio";
      if (c && criterion && allowed(c)) {
        e.preventDefault();
        choose(criterion.key, c, active);
      } else if (key === "s") {
        e.preventDefault();
        void skip();
      } else if (key === "r" && rationaleRef.current) {
        e.preventDefault();
        rationaleRef.current.focus();
      } else if (e.key === "ArrowUp" && !onRadio) {
        e.preventDefault();
        setActive((i) => Math.max(0, i - 1));
      } else if (e.key === "ArrowDown" && !onRadio) {
        e.preventDefault();
        setActive((i) => Math.min(assignment.criteria.length - 1, i + 1));
      } else if (e.key === "Enter" && target?.tagName !== "BUTTON" && target?.tagName !== "A") {
        // A focused button answers Enter itself (Skip must not submit).
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [assignment, active, allowed, choose, submit, skip]);

  const written = useWrittenFindings([{ field: "rationale", text: assignment && assignment.options.rationale !== "off" ? rationale : "" }]);

  if (done) return <Notice tone="success" title="All done">There is nothing left for you to rate in this study. Thank you.</Notice>;
  if (!assignment) return error ? <Notice tone="error">{error}</Notice> : <p className="text-sm text-slate-600">Loading…</p>;

  const options = (["A", "B", "tie", "both_bad"] as const).filter(allowed);
  const keyHint = ["A", "B", ...(assignment.options.allowTie ? ["T (tie)"] : []), ...(assignment.options.allowBothBad ? ["X (both bad)"] : [])].join(", ");
  return (
    <div className="space-y-4" data-testid="rating-panel">
      <p className="text-sm text-slate-600">
        <span data-testid="rating-progress">You have rated {assignment.progress.submitted}</span> · this one{" "}
        <span data-testid="rating-timer">{Math.round(elapsed / 1000)} s</span>
        <span className="ml-2" role="status" data-testid="draft-status">
          {SAVE_TEXT[saveState]}
        </span>
      </p>
      {info ? (
        <p className="text-sm text-slate-700" role="status" data-testid="rating-info">
          {info}
        </p>
      ) : null}
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold uppercase text-slate-600">Prompt</h2>
        <p className="whitespace-pre-wrap" data-testid="prompt">{assignment.prompt.instruction}</p>
        {assignment.prompt.input ? <p className="mt-2 whitespace-pre-wrap text-slate-700">{assignment.prompt.input}</p> : null}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        {assignment.responses.map((r) => (
          <ResponseText key={r.label} label={r.label} text={r.text} />
        ))}
      </div>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-xs text-slate-600" data-testid="key-hints">
          Keyboard: {keyHint} answer the highlighted criterion; ↑/↓ move between criteria; Tab reaches every control
          {assignment.options.rationale !== "off" ? "; R writes the rationale (Esc leaves it, Ctrl+Enter submits from it)" : ""}; S skips; Enter submits.
        </p>
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
        {assignment.options.rationale !== "off" ? (
          <label className="block text-sm">
            Rationale {assignment.options.rationale === "required" ? "(required)" : "(optional)"}{" "}
            <kbd className="rounded border border-slate-300 px-1 text-xs text-slate-600" aria-hidden="true">
              R
            </kbd>
            <textarea
              ref={rationaleRef}
              className="mt-1 block w-full rounded-md border border-slate-500 p-2"
              rows={3}
              maxLength={5000}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
            />
          </label>
        ) : null}
        <PhiFindingsInline text={rationale} findings={written} />
        {phiRefusal ? (
          <PhiConfirm refusal={phiRefusal} fieldLabels={{ rationale: "Rationale" }} busy={busy} onConfirm={() => void submit(true)} onCancel={() => setPhiRefusal(null)} />
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" onClick={() => void submit()} disabled={busy}>
            {busy ? "Working…" : "Submit (Enter)"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => void skip()} disabled={busy}>
            Skip (S)
          </Button>
        </div>
      </section>
    </div>
  );
}
