"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { apiFetch, field } from "@/components/studies/api-fetch";

const input = "mt-1 block w-full rounded-md border border-slate-500 p-2 text-sm";

/** Uploads an LLM judge's AlpacaEval annotations for one criterion; agreement shows on the results page. */
export function ImportJudgeForm({ studyId, criteria }: { studyId: string; criteria: readonly { key: string; label: string }[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    const qs = new URLSearchParams({ judge, criterion: field(f, "criterion") });
    const r = await apiFetch<{ stored: number; unmatched: number }>(`/api/v1/studies/${studyId}/judge-annotations?${qs.toString()}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: await file.text(),
    });
    setBusy(false);
    if (!r.ok) {
      setMessage({ tone: "error", text: r.error });
      return;
    }
    setMessage({ tone: "success", text: `Stored ${r.data.stored} judge votes; ${r.data.unmatched} annotations matched no comparison of this study.` });
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2" noValidate>
      <label className="text-sm">
        Judge name
        <input name="judge" maxLength={100} defaultValue="" placeholder="e.g. gpt-4-turbo judge" className={input} aria-invalid={Boolean(fieldErrors.judge)} />
        {fieldErrors.judge ? <span className="text-xs text-error">{fieldErrors.judge}</span> : null}
      </label>
      <label className="text-sm">
        Criterion the judge rated
        <select name="criterion" className={input} defaultValue={criteria[0]?.key}>
          {criteria.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm sm:col-span-2">
        Annotations file (AlpacaEval JSON: instruction, generator_1, generator_2, preference)
        <input type="file" name="file" accept=".json,application/json" className="mt-1 block text-sm" aria-invalid={Boolean(fieldErrors.file)} />
        {fieldErrors.file ? <span className="text-xs text-error">{fieldErrors.file}</span> : null}
      </label>
      {message ? (
        <div className="sm:col-span-2">
          <Notice tone={message.tone}>{message.text}</Notice>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Importing…" : "Import judge annotations"}
        </Button>
      </div>
    </form>
  );
}
