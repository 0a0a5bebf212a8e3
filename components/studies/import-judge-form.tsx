"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FileField, SelectField } from "@/components/ui/field";
import { ImportProgress, useImportProgress } from "@/components/ui/import-progress";
import { Notice } from "@/components/ui/notice";
import { apiFetch, field } from "@/components/studies/api-fetch";

/** Uploads an LLM judge's AlpacaEval annotations for one criterion; agreement shows on the results page. */
export function ImportJudgeForm({
  studyId,
  criteria,
}: {
  studyId: string;
  criteria: readonly { key: string; label: string }[];
}) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const progress = useImportProgress();
  const busy = progress.busy;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const file = f.get("file");
    const judge = field(f, "judge").trim();
    const errors: Record<string, string> = {};
    if (!judge) errors.judge = "Name the judge";
    if (!(file instanceof File) || file.size === 0) errors.file = "Choose an annotations file";
    setFieldErrors(errors);
    if (Object.keys(errors).length || !(file instanceof File)) return;
    setMessage(null);
    progress.processing(file.size);
    const qs = new URLSearchParams({ judge, criterion: field(f, "criterion") });
    const r = await apiFetch<{ stored: number; unmatched: number }>(
      `/api/v1/studies/${studyId}/judge-annotations?${qs.toString()}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: await file.text(),
      },
    );
    if (!r.ok) {
      progress.reset();
      setMessage({ tone: "error", text: r.error });
      return;
    }
    progress.done(
      `Stored ${r.data.stored} judge votes; ${r.data.unmatched} annotations matched no comparison of this study.`,
      [
        { label: "Judge", value: judge },
        { label: "Votes stored", value: r.data.stored },
        { label: "Unmatched annotations", value: r.data.unmatched },
      ],
    );
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Field
        id="judge-name"
        name="judge"
        label="Judge name"
        maxLength={100}
        defaultValue=""
        placeholder="e.g. gpt-4-turbo judge"
        errors={fieldErrors.judge ? [fieldErrors.judge] : undefined}
      />
      <SelectField
        id="judge-criterion"
        name="criterion"
        label="Criterion the judge rated"
        defaultValue={criteria[0]?.key}
        options={criteria.map((c) => ({ value: c.key, label: c.label }))}
      />
      <FileField
        id="judge-file"
        name="file"
        label="Annotations file (AlpacaEval JSON: instruction, generator_1, generator_2, preference)"
        accept=".json,application/json"
        wrapperClassName="sm:col-span-2"
        errors={fieldErrors.file ? [fieldErrors.file] : undefined}
      />
      {message ? (
        <div className="sm:col-span-2">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <ImportProgress status={progress.status} doneTestId="judge-import-done" />
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import judge annotations"}
        </Button>
      </div>
    </form>
  );
}
