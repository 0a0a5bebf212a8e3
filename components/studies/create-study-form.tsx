"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { apiFetch } from "@/components/studies/api-fetch";
import { createStudyBody, DEFAULT_CRITERIA } from "@/components/studies/create-study-body";

const DESIGNS = [
  { value: "all_pairs", label: "All pairs of models" },
  { value: "vs_reference", label: "Each model against a reference" },
];
const RATIONALES = [
  { value: "off", label: "Not asked" },
  { value: "optional", label: "Optional" },
  { value: "required", label: "Required" },
];

export function CreateStudyForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [titleErrors, setTitleErrors] = useState<string[] | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = createStudyBody(new FormData(e.currentTarget));
    setBusy(true);
    const r = await apiFetch<{ id: string }>("/api/v1/studies", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setBusy(false);
    if (!r.ok) {
      // A title that names a model is shown on the title field; anything else above the button.
      setTitleErrors(r.fields?.title);
      setError(r.fields?.title && Object.keys(r.fields).length === 1 ? null : r.error);
    } else router.push(`/studies/${r.data.id}`);
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2">
      <Field
        name="name"
        label="Name"
        required
        maxLength={200}
        hint="Internal: admins and researchers only."
      />
      <Field
        label="Title (what raters see)"
        name="title"
        maxLength={200}
        errors={titleErrors}
        hint="Optional: left empty, raters see “Study N”. It must not name a model or vendor."
      />
      <Field name="criteria" label="Criteria (comma-separated)" required defaultValue={DEFAULT_CRITERIA} />
      <SelectField name="design" label="Design" defaultValue="all_pairs" options={DESIGNS} />
      <Field name="reference" label="Reference model (for “against a reference”)" maxLength={200} />
      <Field
        name="ratingsPerComparison"
        label="Ratings per comparison"
        type="number"
        min={1}
        max={20}
        defaultValue={2}
      />
      <Field
        name="attentionCheckShare"
        label="Attention checks (% of comparisons)"
        type="number"
        min={0}
        max={50}
        defaultValue={5}
      />
      <Field
        name="repeatShare"
        label="Consistency repeats (% of judgements)"
        type="number"
        min={0}
        max={50}
        defaultValue={5}
      />
      <SelectField name="rationale" label="Rationale" defaultValue="optional" options={RATIONALES} />
      <div className="flex items-end gap-4">
        <CheckboxField name="allowTie" label="Allow tie" defaultChecked />
        <CheckboxField name="allowBothBad" label="Allow “both bad”" defaultChecked />
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
