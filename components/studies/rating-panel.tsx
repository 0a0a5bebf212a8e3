"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type TChoice = "A" | "B" | "tie" | "both_bad";
type TAssignment = {
  assignmentId: string;
  prompt: { instruction: string; input: string };
  responses: { label: "A" | "B"; text: string }[];
  criteria: { key: string; label: string; description: string }[];
  options: { allowTie: boolean; allowBothBad: boolean; rationale: string };
  progress: { submitted: number };
};

const KEYS: Record<string, TChoice> = { a: "A", b: "B", t: "tie", x: "both_bad" };
const LABEL: Record<TChoice, string> = { A: "A is better", B: "B is better", tie: "Tie", both_bad: "Both bad" };

async function problemText(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: string };
    return p.detail ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}

type TNext = { assignment: TAssignment | null; error: string | null };

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

/** The blinded rating screen: it only ever holds what the API sends a rater (texts labelled A and B). */
export function RatingPanel({ studyId }: { studyId: string }) {
  const [assignment, setAssignment] = useState<TAssignment | null>(null);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, TChoice>>({});
  const [active, setActive] = useState(0);
  const [rationale, setRationale] = useState("");
  const [busy, setBusy] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const shownAt = useRef(0);
  const idemKey = useRef("");

  const apply = useCallback((r: TNext) => {
    setError(r.error);
    if (r.error) return;
    if (!r.assignment) {
      setAssignment(null);
      setDone(true);
      return;
    }
    setAssignment(r.assignment);
    setChoices({});
    setActive(0);
    setRationale("");
    shownAt.current = Date.now();
    idemKey.current = crypto.randomUUID();
  }, []);

  const load = useCallback(() => fetchNext(studyId).then(apply), [studyId, apply]);

  useEffect(() => {
    let live = true;
    void fetchNext(studyId).then((r) => {
      if (live) apply(r);
    });
    return () => {
      live = false;
    };
  }, [studyId, apply]);

  useEffect(() => {
    const t = setInterval(() => setElapsed(shownAt.current ? Date.now() - shownAt.current : 0), 1000);
    return () => clearInterval(t);
  }, []);

  const allowed = useCallback(
    (c: TChoice) => (c === "tie" ? assignment?.options.allowTie : c === "both_bad" ? assignment?.options.allowBothBad : true) ?? false,
    [assignment],
  );

  const submit = useCallback(async () => {
    if (!assignment || busy) return;
    const missing = assignment.criteria.filter((c) => !choices[c.key]);
    if (missing.length) {
      setError(`Choose an answer for ${missing.map((c) => c.label).join(", ")}`);
      return;
    }
    if (assignment.options.rationale === "required" && !rationale.trim()) {
      setError("Give a short rationale");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(`/api/v1/assignments/${assignment.assignmentId}/judgement`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idemKey.current },
        body: JSON.stringify({ choices, rationale: rationale.trim() || undefined, durationMs: Date.now() - shownAt.current }),
      });
      if (res.status === 409) {
        // The lease went to someone else (or the study closed): move on, and say why.
        const message = await problemText(res);
        apply(await fetchNext(studyId));
        setError(message);
      } else if (!res.ok) setError(await problemText(res));
      else {
        await res.json();
        await load();
      }
    } catch {
      setError("The network failed; your answer is kept here. Submit again.");
    } finally {
      setBusy(false);
    }
  }, [assignment, busy, choices, rationale, load, apply, studyId]);

  const choose = useCallback(
    (key: string, c: TChoice, index: number) => {
      setChoices((prev) => ({ ...prev, [key]: c }));
      if (assignment) setActive(Math.min(index + 1, assignment.criteria.length - 1));
    },
    [assignment],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!assignment || e.ctrlKey || e.metaKey || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === "TEXTAREA" || target.tagName === "INPUT")) return;
      const criterion = assignment.criteria[active];
      const c = KEYS[e.key.toLowerCase()];
      if (c && criterion && allowed(c)) {
        e.preventDefault();
        choose(criterion.key, c, active);
      } else if (e.key === "ArrowUp") {
        setActive((i) => Math.max(0, i - 1));
      } else if (e.key === "ArrowDown") {
        setActive((i) => Math.min(assignment.criteria.length - 1, i + 1));
      } else if (e.key === "Enter") {
        e.preventDefault();
        void submit();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [assignment, active, allowed, choose, submit]);

  if (done) return <Notice tone="success" title="All done">There is nothing left for you to rate in this study. Thank you.</Notice>;
  if (!assignment) return error ? <Notice tone="error">{error}</Notice> : <p className="text-sm text-slate-600">Loading…</p>;

  const options = (["A", "B", "tie", "both_bad"] as const).filter(allowed);
  return (
    <div className="space-y-4" data-testid="rating-panel">
      <p className="text-sm text-slate-600">
        <span data-testid="rating-progress">You have rated {assignment.progress.submitted}</span> · this one{" "}
        <span data-testid="rating-timer">{Math.round(elapsed / 1000)} s</span>
      </p>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="mb-2 text-sm font-semibold uppercase text-slate-600">Prompt</h2>
        <p className="whitespace-pre-wrap" data-testid="prompt">{assignment.prompt.instruction}</p>
        {assignment.prompt.input ? <p className="mt-2 whitespace-pre-wrap text-slate-700">{assignment.prompt.input}</p> : null}
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        {assignment.responses.map((r) => (
          <section key={r.label} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`response-${r.label}`}>
            <h2 className="mb-2 text-sm font-semibold">Response {r.label}</h2>
            <p className="whitespace-pre-wrap text-sm">{r.text}</p>
          </section>
        ))}
      </div>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <p className="text-xs text-slate-600">
          Keyboard: A, B{assignment.options.allowTie ? ", T (tie)" : ""}{assignment.options.allowBothBad ? ", X (both bad)" : ""} answer the highlighted criterion; ↑/↓ move; Enter submits.
        </p>
        {assignment.criteria.map((c, i) => (
          <fieldset key={c.key} className={`rounded-md p-2 ${i === active ? "ring-2 ring-brand-600" : ""}`} data-testid={`criterion-${c.key}`}>
            <legend className="text-sm font-semibold">
              {c.label}
              {c.description ? <span className="ml-2 font-normal text-slate-600">{c.description}</span> : null}
            </legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {options.map((o) => (
                <label key={o} className="flex items-center gap-1 text-sm">
                  <input type="radio" name={`choice-${c.key}`} value={o} checked={choices[c.key] === o} onChange={() => choose(c.key, o, i)} />
                  {LABEL[o]}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        {assignment.options.rationale !== "off" ? (
          <label className="block text-sm">
            Rationale {assignment.options.rationale === "required" ? "(required)" : "(optional)"}
            <textarea className="mt-1 block w-full rounded-md border border-slate-300 p-2" rows={3} maxLength={5000} value={rationale} onChange={(e) => setRationale(e.target.value)} />
          </label>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button type="button" onClick={() => void submit()} disabled={busy}>
          {busy ? "Submitting…" : "Submit (Enter)"}
        </Button>
      </section>
    </div>
  );
}
