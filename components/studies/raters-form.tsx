"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { apiFetch, asApiError, problemSummary } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { TStudyRaters } from "@/lib/studies/schemas";

type TClinician = { id: string; name: string; email: string };

/** Names the raters of a study; none ticked opens it to every clinician. */
export function RatersForm({
  studyId,
  clinicians,
  selected,
}: {
  studyId: string;
  clinicians: readonly TClinician[];
  selected: readonly string[];
}) {
  const router = useRouter();
  const [ids, setIds] = useState<string[]>([...selected]);
  const [filter, setFilter] = useState("");
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return f ? clinicians.filter((c) => `${c.name} ${c.email}`.toLowerCase().includes(f)) : clinicians;
  }, [clinicians, filter]);

  const save = useMutation({
    mutationFn: (body: TStudyRaters) =>
      apiFetch<TStudyRaters>(`/api/v1/studies/${studyId}/raters`, { method: "PUT", body }),
    onSuccess: (saved) => {
      setMessage({
        tone: "success",
        text: saved.raterIds.length
          ? `${saved.raterIds.length} named raters saved.`
          : "Open to every clinician.",
      });
      router.refresh();
    },
    onError: (e) => setMessage({ tone: "error", text: problemSummary(asApiError(e)) }),
  });
  const busy = save.isPending;

  const toggle = (id: string) =>
    setIds((prev) => (prev.includes(id) ? prev.filter((x) => x !== id) : [...prev, id]));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ raterIds: ids });
      }}
      className="space-y-3"
      data-testid="raters-form"
    >
      <p className="text-sm text-slate-600">
        Tick the clinicians who may rate. With none ticked, every clinician may.
      </p>
      <Field
        id="raters-filter"
        name="clinicianFilter"
        label="Find a clinician"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <fieldset className="max-h-64 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2 text-sm">
        <legend className="sr-only">Clinicians</legend>
        {shown.length === 0 ? <p className="text-slate-600">No active clinician matches.</p> : null}
        {shown.map((c) => (
          <CheckboxField
            key={c.id}
            id={`rater-${c.id}`}
            name="raterIds"
            value={c.id}
            checked={ids.includes(c.id)}
            onChange={() => toggle(c.id)}
            label={
              <>
                {c.name} <span className="text-slate-600">{c.email}</span>
              </>
            }
          />
        ))}
      </fieldset>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <Button type="submit" disabled={busy}>
        {busy ? "Saving…" : `Save raters (${ids.length || "every clinician"})`}
      </Button>
    </form>
  );
}
