"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { apiFetch } from "@/components/studies/api-fetch";
import { createStudyBody, DEFAULT_CRITERIA } from "@/components/studies/create-study-body";

const input = "mt-1 block w-full rounded-md border border-slate-500 p-2 text-sm";

export function CreateStudyForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [titleErrors, setTitleErrors] = useState<string[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = createStudyBody(new FormData(e.currentTarget));
    setBusy(true);
    const r = await apiFetch<{ id: string }>("/api/v1/studies", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    setBusy(false);
    if (!r.ok) {
      // A title that names a model is shown on the title field; anything else above the button.
      setTitleErrors(r.fields?.title);
      setError(r.fields?.title && Object.keys(r.fields).length === 1 ? null : r.error);
    } else router.push(`/studies/${r.data.id}`);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2">
      <label className="text-sm">
        Name
        <input name="name" required maxLength={200} className={input} />
        <span className="mt-1 block text-xs text-slate-600">Internal: admins and researchers only.</span>
      </label>
      <Field
        label="Title (what raters see)"
        name="title"
        maxLength={200}
        errors={titleErrors}
        hint="Optional: left empty, raters see “Study N”. It must not name a model or vendor."
      />
      <label className="text-sm">
        Criteria (comma-separated)
        <input name="criteria" required defaultValue={DEFAULT_CRITERIA} className={input} />
      </label>
      <label className="text-sm">
        Design
        <select name="design" className={input} defaultValue="all_pairs">
          <option value="all_pairs">All pairs of models</option>
          <option value="vs_reference">Each model against a reference</option>
        </select>
      </label>
      <label className="text-sm">
        Reference model (for “against a reference”)
        <input name="reference" maxLength={200} className={input} />
      </label>
      <label className="text-sm">
        Ratings per comparison
        <input name="ratingsPerComparison" type="number" min={1} max={20} defaultValue={2} className={input} />
      </label>
      <label className="text-sm">
        Attention checks (% of comparisons)
        <input name="attentionCheckShare" type="number" min={0} max={50} defaultValue={5} className={input} />
      </label>
      <label className="text-sm">
        Consistency repeats (% of judgements)
        <input name="repeatShare" type="number" min={0} max={50} defaultValue={5} className={input} />
      </label>
      <label className="text-sm">
        Rationale
        <select name="rationale" className={input} defaultValue="optional">
          <option value="off">Not asked</option>
          <option value="optional">Optional</option>
          <option value="required">Required</option>
        </select>
      </label>
      <div className="flex items-end gap-4 text-sm">
        <label className="flex items-center gap-1">
          <input type="checkbox" name="allowTie" defaultChecked /> Allow tie
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" name="allowBothBad" defaultChecked /> Allow “both bad”
        </label>
      </div>
      {error ? (
        <div className="sm:col-span-2">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          Create study
        </Button>
      </div>
    </form>
  );
}
