"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { TMyAnswer, TMyAnswers } from "@/lib/my-answers/schemas";
import { VERDICT_LABEL } from "@/components/audits/verdict-labels";
import { CHOICE_LABEL } from "@/components/studies/choice-labels";

type TFilters = { queue: string; answer: string; from: string; to: string };
const EMPTY: TFilters = { queue: "", answer: "", from: "", to: "" };

// The words of the work screens themselves, so a list of answers reads as they were given.
const ANSWERS = [
  { value: "", label: "Any" },
  ...Object.entries(VERDICT_LABEL).map(([value, [label]]) => ({ value, label })),
  ...Object.entries(CHOICE_LABEL).map(([value, [, label]]) => ({ value, label })),
];

function urlOf(f: TFilters): string {
  const q = new URLSearchParams();
  const [kind, id] = f.queue.split(":");
  if (kind && id) {
    q.set("kind", kind);
    q.set("queueId", id);
  }
  if (f.answer) q.set("answer", f.answer);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  const s = q.toString();
  return `/api/v1/me/answers${s ? `?${s}` : ""}`;
}

const workUrl = (a: TMyAnswer) => (a.kind === "audit" ? `/audits/${a.queueId}/review` : `/rate/${a.queueId}`);

/**
 * The caller's reviews and ratings with filters; each can be reopened under the rules of Undo,
 * and says why not when it cannot. Ratings show the study's rater-facing title and the choices as
 * the rater saw them (A = left): the API sends nothing that names a model.
 */
export function MyAnswersList() {
  const [filters, setFilters] = useState<TFilters>(EMPTY);
  const url = urlOf(filters);
  const list = useQuery({
    queryKey: ["my-answers", url],
    queryFn: () => apiFetch<TMyAnswers>(url),
    placeholderData: (prev) => prev,
  });
  const router = useRouter();
  const client = useQueryClient();
  const reopen = useMutation({
    mutationFn: (a: TMyAnswer) =>
      apiFetch(`/api/v1/assignments/${encodeURIComponent(a.assignmentId)}/reopen`, { method: "POST" }),
    onSuccess: async (_r, a) => {
      await client.invalidateQueries({ queryKey: ["my-answers"] });
      router.push(workUrl(a));
    },
  });
  const set = (k: keyof TFilters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [k]: e.target.value }));
  const queues = list.data?.queues ?? [];

  return (
    <div className="space-y-4">
      <form className="grid gap-3 sm:grid-cols-4" onSubmit={(e) => e.preventDefault()} aria-label="Filters">
        <SelectField label="Campaign or study" name="queue" value={filters.queue} onChange={set("queue")}>
          <option value="">All</option>
          {queues.map((q) => (
            <option key={`${q.kind}:${q.id}`} value={`${q.kind}:${q.id}`}>
              {q.kind === "audit" ? "Audit" : "Study"}: {q.title}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Verdict or choice"
          name="answer"
          value={filters.answer}
          onChange={set("answer")}
          options={ANSWERS}
        />
        <Field label="From" name="from" type="date" value={filters.from} onChange={set("from")} />
        <Field label="To" name="to" type="date" value={filters.to} onChange={set("to")} />
      </form>
      {list.error ? (
        <Notice tone="error">{detailOf(list.error, "Could not load your answers.")}</Notice>
      ) : null}
      {reopen.error ? (
        <div role="alert" data-testid="my-answers-reopen-error">
          <Notice tone="error">{detailOf(reopen.error, "Could not reopen this answer.")}</Notice>
        </div>
      ) : null}
      {list.data && list.data.answers.length === 0 ? (
        <p className="text-sm text-muted">No answers match.</p>
      ) : null}
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200" data-testid="my-answers">
        {list.data?.answers.map((a) => (
          <li key={a.assignmentId} className="space-y-1 p-3 text-sm" data-testid="my-answer">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-semibold">{a.title}</span>
              <span className="text-muted">
                {a.kind === "audit" ? "Review" : "Rating"} · {new Date(a.submittedAt).toLocaleString()}
                {a.revision > 1 ? ` · revision ${a.revision}` : ""}
              </span>
            </div>
            <p className="break-words text-slate-700">
              {a.excerpt}
              {a.earlierTurns > 0 ? (
                <span className="text-xs text-muted" data-testid="my-answer-context">
                  {" "}
                  · after {a.earlierTurns} earlier {a.earlierTurns === 1 ? "turn" : "turns"}
                </span>
              ) : null}
            </p>
            <p data-testid="my-answer-value">
              {a.verdict
                ? `Verdict: ${VERDICT_LABEL[a.verdict][0]}`
                : a.choices?.map((c) => `${c.criterion}: ${CHOICE_LABEL[c.choice][1]}`).join(" · ")}
            </p>
            {a.reopen.allowed ? (
              <Button
                type="button"
                variant="secondary"
                disabled={reopen.isPending}
                onClick={() => reopen.mutate(a)}
                data-testid="my-answer-reopen"
              >
                Reopen
              </Button>
            ) : (
              <p className="text-muted" data-testid="my-answer-locked">
                Cannot be reopened: {a.reopen.message}
              </p>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
