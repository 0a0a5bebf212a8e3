"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { asApiError, problemSummary } from "@/components/data/api-fetch";
import { apiUpload } from "@/components/data/api-upload";
import { bodyResolver } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { ImportProgress, useImportProgress } from "@/components/ui/import-progress";
import { Field, FileField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZOutputsImportQuery } from "@/lib/studies/schemas";

type TReport = {
  models: string[];
  imported: number;
  replaced: number;
  newPrompts: number;
  unmatched: unknown[];
  revealsIdentity: number;
};
type TOutputsFields = { file: FileList | null; models: string };

const chosen = (v: TOutputsFields) => v.file?.[0] ?? null;
const isJsonl = (file: File) => /\.jsonl$/i.test(file.name);
// The column names matter only for a JSONL file; an AlpacaEval JSON file is one model.
const outputsQuery = (v: TOutputsFields) => {
  const file = chosen(v);
  const models = v.models.trim();
  return file && isJsonl(file) && models ? { models } : {};
};
const resolver = bodyResolver(ZOutputsImportQuery, outputsQuery, (v) => {
  const file = chosen(v);
  return !file || file.size === 0 ? { file: "Choose a file" } : null;
});

/** AlpacaEval JSON (one model per file) or JSONL with one column per model (pick columns by name). */
export function ImportOutputsForm({ studyId }: { studyId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const progress = useImportProgress();
  const form = useForm<TOutputsFields, unknown, ReturnType<typeof outputsQuery>>({
    defaultValues: { file: null, models: "" },
    resolver,
  });
  const upload = useMutation({
    mutationFn: ({ file, query }: { file: File; query: ReturnType<typeof outputsQuery> }) =>
      apiUpload<TReport>({
        url: `/api/v1/studies/${studyId}/outputs${query.models ? `?models=${encodeURIComponent(query.models)}` : ""}`,
        file,
        contentType: isJsonl(file) ? "application/x-ndjson" : "application/json",
        onProgress: progress.track,
      }),
    onMutate: ({ file }) => {
      setMessage(null);
      progress.uploading(0, file.size);
    },
    onSuccess: (d) => {
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
    },
    onError: (e) => {
      progress.reset();
      setMessage({ tone: "error", text: problemSummary(asApiError(e)) });
    },
  });
  const onSubmit = form.handleSubmit(
    (query) => {
      const file = chosen(form.getValues());
      if (file) upload.mutate({ file, query });
    },
    (errors) => setMessage({ tone: "error", text: Object.values(errors)[0]?.message ?? "Choose a file" }),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="space-y-3">
      <FileField
        id="outputs-file"
        label="Outputs file (.json AlpacaEval, or .jsonl with one column per model)"
        hint="A prompt may be a conversation: messages or ShareGPT conversations ending with the model's answer, with generator"
        accept=".json,.jsonl"
        {...form.register("file")}
      />
      <Field
        id="outputs-models"
        label="Models to take from a JSONL file (comma-separated column names without “-answer”; empty: all)"
        {...form.register("models")}
      />
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <ImportProgress status={progress.status} doneTestId="outputs-import-done" />
      <Button type="submit" disabled={progress.busy}>
        {progress.busy ? "Importing…" : "Import outputs"}
      </Button>
    </form>
  );
}
