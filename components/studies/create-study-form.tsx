"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { apiFetch, asApiError, problemSummary } from "@/components/data/api-fetch";
import { bodyResolver, errorsFor } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createStudyBody, STUDY_DEFAULTS, type TStudyFields } from "@/components/studies/create-study-body";
import { ZCreateStudy } from "@/lib/studies/schemas";

const DESIGNS = [
  { value: "all_pairs", label: "All pairs of models" },
  { value: "vs_reference", label: "Each model against a reference" },
];
const RATIONALES = [
  { value: "off", label: "Not asked" },
  { value: "optional", label: "Optional" },
  { value: "required", label: "Required" },
];

const ALLOCATIONS = [
  { value: "uniform", label: "Uniform: every comparison in the planned order" },
  { value: "adaptive", label: "Adaptive: each next comparison where it helps the goal most" },
];
const GOALS = [
  { value: "", label: "— (adaptive studies only)" },
  { value: "ranking", label: "The ranking: order every two neighbouring models at 95%" },
  { value: "ratings", label: "The ratings: narrow the widest 95% rating interval" },
];

const resolver = bodyResolver(ZCreateStudy, createStudyBody);

// Each input also names its default: the server-rendered form shows it before react-hook-form runs.
export function CreateStudyForm() {
  const router = useRouter();
  const form = useForm<TStudyFields, unknown, ReturnType<typeof createStudyBody>>({
    defaultValues: STUDY_DEFAULTS,
    resolver,
  });
  const errors = form.formState.errors;
  const rows = useFieldArray({ control: form.control, name: "criteria" });
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof createStudyBody>) =>
      apiFetch<{ id: string }>("/api/v1/studies", { body }),
    onSuccess: ({ id }) => router.push(`/studies/${id}`),
    onError: (e) => {
      for (const [k, v] of Object.entries(asApiError(e).fieldErrors))
        form.setError(k as keyof TStudyFields, { type: "server", message: v.join(" ") });
    },
  });
  // A title that names a model is shown on the title field; anything else above the button.
  const refusal = create.error ? asApiError(create.error) : null;
  const fieldKeys = refusal ? Object.keys(refusal.fieldErrors) : [];
  const error =
    refusal && !(fieldKeys.length === 1 && fieldKeys[0] === "title") ? problemSummary(refusal) : null;

  return (
    <form
      onSubmit={(e) => void form.handleSubmit((body) => create.mutate(body))(e)}
      className="grid gap-3 sm:grid-cols-2"
    >
      <Field
        label="Name"
        required
        maxLength={200}
        hint="Internal: admins and researchers only."
        errors={errorsFor(errors, "name")}
        {...form.register("name")}
      />
      <Field
        label="Title (what raters see)"
        maxLength={200}
        errors={errorsFor(errors, "title")}
        hint="Optional: left empty, raters see “Study N”. It must not name a model or vendor."
        {...form.register("title")}
      />
      <fieldset className="space-y-2 sm:col-span-2" data-testid="criteria-editor">
        <legend className="text-sm font-semibold">Criteria</legend>
        <p className="text-xs text-muted">
          Each is judged separately; its definition is shown to raters beside it and in the guidelines.
        </p>
        {rows.fields.map((row, i) => (
          <div
            key={row.id}
            className="grid gap-2 rounded border border-slate-200 p-2 sm:grid-cols-[1fr_2fr_auto]"
          >
            <Field
              label={`Criterion ${i + 1}`}
              required
              maxLength={60}
              errors={errorsFor(errors, `criteria.${i}`)}
              defaultValue={STUDY_DEFAULTS.criteria[i]?.label}
              {...form.register(`criteria.${i}.label`)}
            />
            <TextAreaField
              label={`Criterion ${i + 1} definition`}
              rows={2}
              maxLength={500}
              defaultValue={STUDY_DEFAULTS.criteria[i]?.description}
              {...form.register(`criteria.${i}.description`)}
            />
            <div className="flex items-end">
              <Button
                type="button"
                variant="secondary"
                disabled={rows.fields.length <= 1}
                onClick={() => rows.remove(i)}
                aria-label={`Remove criterion ${i + 1}`}
              >
                Remove
              </Button>
            </div>
          </div>
        ))}
        {errors.criteria?.message ? (
          <p role="alert" className="text-sm text-error">
            {String(errors.criteria.message)}
          </p>
        ) : null}
        <Button
          type="button"
          variant="secondary"
          disabled={rows.fields.length >= 8}
          onClick={() => rows.append({ label: "", description: "" })}
        >
          Add a criterion
        </Button>
      </fieldset>
      <SelectField
        label="Design"
        options={DESIGNS}
        defaultValue={STUDY_DEFAULTS.design}
        {...form.register("design")}
      />
      <Field
        label="Reference model (for “against a reference”)"
        maxLength={200}
        errors={errorsFor(errors, "reference")}
        {...form.register("reference")}
      />
      <Field
        label="Ratings per comparison"
        type="number"
        min={1}
        max={20}
        errors={errorsFor(errors, "ratingsPerComparison")}
        defaultValue={STUDY_DEFAULTS.ratingsPerComparison}
        {...form.register("ratingsPerComparison")}
      />
      <Field
        label="Attention checks (% of comparisons)"
        type="number"
        min={0}
        max={50}
        errors={errorsFor(errors, "attentionCheckShare")}
        defaultValue={STUDY_DEFAULTS.attentionCheckShare}
        {...form.register("attentionCheckShare")}
      />
      <Field
        label="Consistency repeats (% of judgements)"
        type="number"
        min={0}
        max={50}
        errors={errorsFor(errors, "repeatShare")}
        defaultValue={STUDY_DEFAULTS.repeatShare}
        {...form.register("repeatShare")}
      />
      <SelectField
        label="Rationale"
        options={RATIONALES}
        defaultValue={STUDY_DEFAULTS.rationale}
        {...form.register("rationale")}
      />
      <SelectField
        label="Allocation"
        options={ALLOCATIONS}
        hint="Fixed once the study starts."
        errors={errorsFor(errors, "allocation")}
        defaultValue={STUDY_DEFAULTS.allocation}
        {...form.register("allocation")}
      />
      <SelectField
        label="What the adaptive study must settle"
        options={GOALS}
        errors={errorsFor(errors, "allocationGoal")}
        defaultValue={STUDY_DEFAULTS.allocationGoal}
        {...form.register("allocationGoal")}
      />
      <div className="flex items-end gap-4">
        <CheckboxField label="Allow tie" defaultChecked {...form.register("allowTie")} />
        <CheckboxField label="Allow “both bad”" defaultChecked {...form.register("allowBothBad")} />
      </div>
      {error ? (
        <div className="sm:col-span-2">
          <Notice tone="error">{error}</Notice>
        </div>
      ) : null}
      <div className="sm:col-span-2">
        <Button type="submit" disabled={create.isPending}>
          Create study
        </Button>
      </div>
    </form>
  );
}
