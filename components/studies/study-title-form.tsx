"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { apiFetch, asApiError, problemSummary } from "@/components/data/api-fetch";
import { bodyResolver, errorsFor } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZStudyTitle } from "@/lib/studies/schemas";

type TTitleFields = { title: string };
const titleBody = (v: TTitleFields) => ({ title: v.title });
const resolver = bodyResolver(ZStudyTitle, titleBody);

/** Renames what raters see; a title naming a model is refused on the field. */
export function StudyTitleForm({ studyId, title }: { studyId: string; title: string }) {
  const router = useRouter();
  const form = useForm<TTitleFields, unknown, TTitleFields>({ defaultValues: { title }, resolver });
  const save = useMutation({
    mutationFn: (body: TTitleFields) =>
      apiFetch<{ title: string }>(`/api/v1/studies/${studyId}`, { method: "PATCH", body }),
    onSuccess: () => router.refresh(),
    onError: (e) => {
      const title = asApiError(e).fieldErrors.title;
      if (title) form.setError("title", { type: "server", message: title.join(" ") });
    },
  });
  const refusal = save.error ? asApiError(save.error) : null;
  const error = refusal && !refusal.fieldErrors.title ? problemSummary(refusal) : null;

  return (
    <form
      onSubmit={(e) => void form.handleSubmit((body) => save.mutate(body))(e)}
      className="flex flex-wrap items-end gap-2"
    >
      <div className="min-w-64 flex-1">
        <Field
          label="Title (what raters see)"
          id="study-title"
          defaultValue={title}
          required
          maxLength={200}
          errors={errorsFor(form.formState.errors, "title")}
          {...form.register("title")}
        />
      </div>
      <Button type="submit" disabled={save.isPending}>
        Save title
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </form>
  );
}
