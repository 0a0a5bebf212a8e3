"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { apiFetch, field } from "@/components/studies/api-fetch";

/** Renames what raters see; a title naming a model is refused on the field. */
export function StudyTitleForm({ studyId, title }: { studyId: string; title: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = { title: field(new FormData(e.currentTarget), "title") };
    setBusy(true);
    const r = await apiFetch<{ title: string }>(`/api/v1/studies/${studyId}`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    setBusy(false);
    if (r.ok) {
      setErrors(undefined);
      setError(null);
      router.refresh();
    } else {
      setErrors(r.fields?.title);
      setError(r.fields?.title ? null : r.error);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="flex flex-wrap items-end gap-2">
      <div className="min-w-64 flex-1">
        <Field
          label="Title (what raters see)"
          name="title"
          id="study-title"
          defaultValue={title}
          required
          maxLength={200}
          errors={errors}
        />
      </div>
      <Button type="submit" disabled={busy}>
        Save title
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}
