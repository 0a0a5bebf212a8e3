"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { asApiError, problemSummary } from "@/components/data/api-fetch";
import { apiUpload } from "@/components/data/api-upload";
import { bodyResolver, errorsFor } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { ImportProgress, useImportProgress } from "@/components/ui/import-progress";
import { Field, FileField, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZJudgeImportQuery, type TJudgeImportQuery } from "@/lib/studies/schemas";

type TJudgeFields = { judge: string; criterion: string; file: FileList | null };

const judgeQuery = (v: TJudgeFields): TJudgeImportQuery => ({
  judge: v.judge.trim(),
  criterion: v.criterion,
});
const resolver = bodyResolver(ZJudgeImportQuery, judgeQuery, (v) => {
  const file = v.file?.[0];
  return !file || file.size === 0 ? { file: "Choose an annotations file" } : null;
});

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
  const progress = useImportProgress();
  const form = useForm<TJudgeFields, unknown, TJudgeImportQuery>({
    defaultValues: { judge: "", criterion: criteria[0]?.key ?? "", file: null },
    resolver,
  });
  const errors = form.formState.errors;
  const upload = useMutation({
    mutationFn: ({ file, query }: { file: File; query: TJudgeImportQuery }) =>
      apiUpload<{ stored: number; unmatched: number }>({
        url: `/api/v1/studies/${studyId}/judge-annotations?${new URLSearchParams(query).toString()}`,
        file,
        contentType: "application/json",
        onProgress: progress.track,
      }),
    onMutate: ({ file }) => {
      setMessage(null);
      progress.uploading(0, file.size);
    },
    onSuccess: (d, { query }) => {
      progress.done(
        `Stored ${d.stored} judge votes; ${d.unmatched} annotations matched no comparison of this study.`,
        [
          { label: "Judge", value: query.judge },
          { label: "Votes stored", value: d.stored },
          { label: "Unmatched annotations", value: d.unmatched },
        ],
      );
      router.refresh();
    },
    onError: (e) => {
      progress.reset();
      setMessage({ tone: "error", text: problemSummary(asApiError(e)) });
    },
  });
  const onSubmit = form.handleSubmit((query) => {
    const file = form.getValues("file")?.[0];
    if (file) upload.mutate({ file, query });
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 sm:grid-cols-2" noValidate>
      <Field
        id="judge-name"
        label="Judge name"
        maxLength={100}
        placeholder="e.g. gpt-4-turbo judge"
        errors={errorsFor(errors, "judge")}
        {...form.register("judge")}
      />
      <SelectField
        id="judge-criterion"
        label="Criterion the judge rated"
        defaultValue={criteria[0]?.key}
        options={criteria.map((c) => ({ value: c.key, label: c.label }))}
        errors={errorsFor(errors, "criterion")}
        {...form.register("criterion")}
      />
      <FileField
        id="judge-file"
        label="Annotations file (AlpacaEval JSON: instruction, generator_1, generator_2, preference)"
        accept=".json,application/json"
        wrapperClassName="sm:col-span-2"
        errors={errorsFor(errors, "file")}
        {...form.register("file")}
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
        <Button type="submit" disabled={progress.busy}>
          {progress.busy ? "Importing…" : "Import judge annotations"}
        </Button>
      </div>
    </form>
  );
}
