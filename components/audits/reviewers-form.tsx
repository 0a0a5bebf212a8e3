"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";

type TCandidate = { id: string; name: string; email: string };
type TReviewers = { reviewerIds: string[]; candidates: TCandidate[] };
type TSaved = { reviewerIds: string[]; releasedAssignments: number };

const reviewersKey = (campaignId: string) => ["audits", campaignId, "reviewers"] as const;

/**
 * Names the reviewers of an audit campaign; none ticked opens it to every reviewer (as the raters
 * of a study). Read and saved through /api/v1 (TanStack Query); the page's first render is the
 * initial data, so nothing loads twice.
 */
export function ReviewersForm({ campaignId, initial }: { campaignId: string; initial: TReviewers }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: reviewersKey(campaignId),
    queryFn: () => apiFetch<TReviewers>(`/api/v1/audits/${campaignId}/reviewers`),
    initialData: initial,
  });
  const [ids, setIds] = useState<string[]>(initial.reviewerIds);
  const [filter, setFilter] = useState("");
  const save = useMutation({
    mutationFn: (reviewerIds: string[]) =>
      apiFetch<TSaved>(`/api/v1/audits/${campaignId}/reviewers`, { method: "PUT", body: { reviewerIds } }),
    onSuccess: (saved) => {
      setIds(saved.reviewerIds);
      queryClient.setQueryData<TReviewers>(reviewersKey(campaignId), (old) =>
        old ? { ...old, reviewerIds: saved.reviewerIds } : old,
      );
      router.refresh();
    },
  });
  const candidates = query.data.candidates;
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? candidates.filter((c) => `${c.name} ${c.email}`.toLowerCase().includes(f)) : candidates;
  }, [candidates, filter]);

  const toggle = (id: string) =>
    setIds((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    save.mutate(ids);
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" data-testid="reviewers-form">
      <p className="text-sm text-muted">
        Tick the clinicians who may review. With none ticked, every reviewer may. Anyone you take off the list
        loses the item they are working on; it goes back to the queue.
      </p>
      <Field
        id="reviewers-filter"
        name="reviewerFilter"
        label="Find a clinician"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <fieldset className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
        <legend className="sr-only">Clinicians</legend>
        {shown.length === 0 ? <p className="text-muted">No active clinician matches.</p> : null}
        {shown.map((c) => (
          <CheckboxField
            key={c.id}
            id={`reviewer-${c.id}`}
            name="reviewerIds"
            value={c.id}
            checked={ids.includes(c.id)}
            onChange={() => toggle(c.id)}
            label={
              <span className="break-words">
                {c.name} <span className="text-muted">{c.email}</span>
              </span>
            }
          />
        ))}
      </fieldset>
      {save.isError ? (
        <Notice tone="error">{detailOf(save.error, "Could not save the reviewers.")}</Notice>
      ) : null}
      {save.isSuccess ? (
        <Notice tone="success">
          {save.data.reviewerIds.length
            ? `${save.data.reviewerIds.length} named reviewers saved.`
            : "Open to every reviewer."}
          {save.data.releasedAssignments
            ? ` ${save.data.releasedAssignments} item(s) in progress went back to the queue.`
            : ""}
        </Notice>
      ) : null}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : `Save reviewers (${ids.length || "every reviewer"})`}
      </Button>
    </form>
  );
}
