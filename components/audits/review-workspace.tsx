"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DiffView } from "@/components/audits/diff-view";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { PhiMarkedText, type TSpan } from "@/components/phi/phi-marked-text";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import { phiKindLabel } from "@/lib/phi/labels";

type TFlag = { key: string; label: string };
type TTask = {
  assignmentId: string;
  instruction: string;
  input: string;
  output: string;
  flags: TFlag[];
  draft: { verdict?: string | null; flags?: string[]; correctedOutput?: string | null; rationale?: string | null; elapsedMs?: number } | null;
  phiSpans?: { instruction: TSpan[]; input: TSpan[]; output: TSpan[] };
};

const PHI_FIELDS = { correctedOutput: "Correction", rationale: "Rationale" };
type TVerdict = "accept" | "reject" | "revise";

const VERDICT_LABEL: Record<TVerdict, string> = { accept: "Accept (a)", reject: "Reject (r)", revise: "Needs revision (e)" };

async function problemText(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: string };
    return p.detail ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}

/** Reads a 422 …/phi-findings answer into the confirmation; false for any other answer. */
async function phiRefusalFrom(res: Response, set: (r: TPhiRefusal) => void): Promise<boolean> {
  const refusal = phiRefusalOf(await res.clone().json().catch(() => null));
  if (refusal) set(refusal);
  return refusal !== null;
}

/** The keyboard-first review screen: a accept, r reject, e edit, 1–9 flags, Enter submit, s skip. */
export function ReviewWorkspace({ campaignId }: { campaignId: string }) {
  const [task, setTask] = useState<TTask | null>(null);
  const [done, setDone] = useState(false);
  const [verdict, setVerdict] = useState<TVerdict | null>(null);
  const [flags, setFlags] = useState<string[]>([]);
  const [correction, setCorrection] = useState("");
  const [rationale, setRationale] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [phiRefusal, setPhiRefusal] = useState<TPhiRefusal | null>(null);
  const startedAt = useRef(0);
  const priorMs = useRef(0);
  const idemKey = useRef("");
  const correctionRef = useRef<HTMLTextAreaElement>(null);

  const load = useCallback(async () => {
    const res = await fetch(`/api/v1/audits/${campaignId}/items/next`, { method: "POST" });
    if (res.status === 204) {
      setTask(null);
      setDone(true);
      return;
    }
    if (!res.ok) {
      setMessage(await problemText(res));
      return;
    }
    const t = (await res.json()) as TTask;
    setTask(t);
    const d = t.draft ?? {};
    setVerdict((d.verdict as TVerdict | null | undefined) ?? null);
    setFlags(d.flags ?? []);
    setCorrection(d.correctedOutput ?? t.output);
    setRationale(d.rationale ?? "");
    setPhiRefusal(null);
    priorMs.current = d.elapsedMs ?? 0;
    startedAt.current = Date.now();
    idemKey.current = crypto.randomUUID();
  }, [campaignId]);

  useEffect(() => {
    const t = setTimeout(() => void load(), 0);
    return () => clearTimeout(t);
  }, [load]);

  const elapsed = () => priorMs.current + (Date.now() - startedAt.current);

  // Server-side autosave, debounced.
  useEffect(() => {
    if (!task) return;
    const timer = setTimeout(() => {
      void fetch(`/api/v1/assignments/${task.assignmentId}/review/draft`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ verdict, flags, correctedOutput: correction, rationale, elapsedMs: elapsed() }),
      });
    }, 1200);
    return () => clearTimeout(timer);
  }, [task, verdict, flags, correction, rationale]);

  const submit = useCallback(async (phiConfirmed = false) => {
    if (!task || !verdict || busy) return;
    setBusy(true);
    setPhiRefusal(null);
    try {
      const res = await fetch(`/api/v1/assignments/${task.assignmentId}/review`, {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idemKey.current },
        body: JSON.stringify({
          verdict,
          flags,
          correctedOutput: verdict === "revise" ? correction : undefined,
          rationale: rationale || undefined,
          durationMs: elapsed(),
          ...(phiConfirmed ? { phiConfirmed: true } : {}),
        }),
      });
      if (res.ok) {
        setMessage("Saved.");
        await load();
      } else if (res.status === 422 && (await phiRefusalFrom(res, setPhiRefusal))) {
        // The 422 stored nothing: confirming sends the same request, with the same key, again.
        setMessage(null);
      } else {
        setMessage(await problemText(res));
        if (res.status === 409) await load();
      }
    } catch {
      // Same Idempotency-Key on the retry: a submit that did reach the server is stored once.
      setMessage("The network failed; your review is kept here. Submit again.");
    } finally {
      setBusy(false);
    }
  }, [task, verdict, flags, correction, rationale, busy, load]);

  const skip = useCallback(async () => {
    if (!task || busy) return;
    await fetch(`/api/v1/assignments/${task.assignmentId}/review/skip`, { method: "POST" });
    setMessage("Skipped.");
    await load();
  }, [task, busy, load]);

  const toggleFlag = useCallback((key: string) => {
    setFlags((f) => (f.includes(key) ? f.filter((x) => x !== key) : [...f, key]));
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!task || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      // Flag checkboxes keep the shortcuts (Space still toggles them); text boxes do not.
      const typing = el?.tagName === "TEXTAREA" || (el instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(el.type));
      if (typing) {
        if (e.key === "Escape") el?.blur();
        return;
      }
      // A focused button or link answers Enter itself (Skip must skip, a verdict button must choose).
      if (e.key === "Enter" && (el?.tagName === "BUTTON" || el?.tagName === "A")) return;
      if (e.key === "a") setVerdict("accept");
      else if (e.key === "r") setVerdict("reject");
      else if (e.key === "e") {
        e.preventDefault();
        setVerdict("revise");
        setTimeout(() => correctionRef.current?.focus(), 0);
      } else if (e.key === "s") void skip();
      else if (e.key === "Enter") {
        e.preventDefault();
        void submit();
      } else if (/^[1-9]$/.test(e.key)) {
        const flag = task.flags[Number(e.key) - 1];
        if (flag) toggleFlag(flag.key);
      } else return;
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [task, submit, skip, toggleFlag]);

  const written = useWrittenFindings(
    task
      ? [
          { field: "correctedOutput", text: verdict === "revise" ? correction : "", baselines: [task.output] },
          { field: "rationale", text: rationale },
        ]
      : [],
  );
  const recordSpans = task?.phiSpans ?? { instruction: [], input: [], output: [] };
  const recordKinds = [...new Set([...recordSpans.instruction, ...recordSpans.input, ...recordSpans.output].map((s) => phiKindLabel(s.kind)))];

  if (done) return <p data-testid="queue-empty">Nothing left for you in this campaign. Thank you.</p>;
  if (!task) return <p>{message ?? "Loading…"}</p>;

  return (
    <div className="space-y-4" data-testid="review-workspace">
      {message ? (
        <p role="status" className="text-sm text-slate-700" data-testid="review-message">
          {message}
        </p>
      ) : null}
      {recordKinds.length ? (
        <p className="rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950" data-testid="record-phi-note">
          This record may hold patient identifiers ({recordKinds.join(", ")}), marked below. If it does, reject it and say so in the rationale.
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
      <div className="grid gap-4 md:grid-cols-2">
        <section>
          <h2 className="text-sm font-semibold uppercase text-slate-600">Output</h2>
          <p className="whitespace-pre-wrap break-words rounded bg-slate-50 p-3" data-testid="task-output">
            <PhiMarkedText text={task.output} spans={recordSpans.output} />
          </p>
        </section>
        <section>
          <label htmlFor="correction" className="text-sm font-semibold uppercase text-slate-600">
            Correction (e to edit, Esc to leave)
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
          <PhiFindingsInline text={correction} findings={written.filter((f) => f.field === "correctedOutput")} />
          {verdict === "revise" && correction !== task.output ? <DiffView before={task.output} after={correction} /> : null}
        </section>
      </div>
      <fieldset className="flex flex-wrap gap-2" aria-label="Verdict">
        {(Object.keys(VERDICT_LABEL) as TVerdict[]).map((v) => (
          <Button key={v} type="button" variant={verdict === v ? "primary" : "secondary"} aria-pressed={verdict === v} onClick={() => setVerdict(v)}>
            {VERDICT_LABEL[v]}
          </Button>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap gap-3 text-sm" aria-label="Error flags">
        {task.flags.map((f, i) => (
          <label key={f.key} className="flex items-center gap-1">
            <input type="checkbox" checked={flags.includes(f.key)} onChange={() => toggleFlag(f.key)} data-testid={`flag-${f.key}`} />
            <kbd className="rounded border px-1 text-xs">{i + 1}</kbd> {f.label}
          </label>
        ))}
      </fieldset>
      <label className="block text-sm">
        Rationale (optional)
        <textarea className="mt-1 h-16 w-full rounded border border-slate-500 p-2" value={rationale} onChange={(e) => setRationale(e.target.value)} />
      </label>
      <PhiFindingsInline text={rationale} findings={written.filter((f) => f.field === "rationale")} />
      {phiRefusal ? (
        <PhiConfirm refusal={phiRefusal} fieldLabels={PHI_FIELDS} busy={busy} onConfirm={() => void submit(true)} onCancel={() => setPhiRefusal(null)} />
      ) : null}
      <div className="flex gap-2">
        <Button type="button" onClick={() => void submit()} disabled={!verdict || busy} data-testid="submit-review">
          Submit (Enter)
        </Button>
        <Button type="button" variant="secondary" onClick={() => void skip()} disabled={busy}>
          Skip (s)
        </Button>
      </div>
    </div>
  );
}
