"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, FileField } from "@/components/ui/field";
import { ImportProgress, useImportProgress } from "@/components/ui/import-progress";
import { Notice } from "@/components/ui/notice";
import { apiFetch, field } from "@/components/studies/api-fetch";

type TReport = {
  models: string[];
  imported: number;
  replaced: number;
  newPrompts: number;
  unmatched: unknown[];
  revealsIdentity: number;
};

/** AlpacaEval JSON (one model per file) or JSONL with one column per model (pick columns by name). */
export function ImportOutputsForm({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const progress = useImportProgress();
  const busy = progress.busy;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const file = f.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setMessage({ tone: "error", text: "Choose a file" });
      return;
    }
    const jsonl = /\.jsonl$/i.test(file.name);
    const models = field(f, "models").trim();
    setMessage(null);
    progress.processing(file.size);
    const r = await apiFetch<TReport>(
      `/api/v1/studies/${studyId}/outputs${jsonl && models ? `?models=${encodeURIComponent(models)}` : ""}`,
      {
        method: "POST",
        headers: { "content-type": jsonl ? "application/x-ndjson" : "application/json" },
        body: await file.text(),
      },
    );
    if (!r.ok) {
      progress.reset();
      setMessage({ tone: "error", text: r.error });
      return;
    }
    const d = r.data;
    progress.done(
      `Imported ${d.imported} outputs (${d.replaced} replaced) of ${d.models.join(", ")}; ${d.newPrompts} new prompts; ${d.unmatched.length} unmatched; ${d.revealsIdentity} name a model.`,
      [
        { label: "Models", value: d.models.join(", ") },
        { label: "Outputs imported", value: d.imported },
        { label: "Replaced", value: d.replaced },
        { label: "New prompts", value: d.newPrompts },
        { label: "Unmatched", value: d.unmatched.length },
        { label: "Name a model", value: d.revealsIdentity },
      ],
    );
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-3">
      <FileField
        id="outputs-file"
        name="file"
        label="Outputs file (.json AlpacaEval, or .jsonl with one column per model)"
        accept=".json,.jsonl"
      />
      <Field
        id="outputs-models"
        name="models"
        label="Models to take from a JSONL file (comma-separated column names without “-answer”; empty: all)"
      />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <ImportProgress status={progress.status} doneTestId="outputs-import-done" />
      <Button type="submit" disabled={busy}>
        {busy ? "Importing…" : "Import outputs"}
      </Button>
    </form>
  );
}
