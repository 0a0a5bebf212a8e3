"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { apiFetch, asApiError, detailOf } from "@/components/data/api-fetch";
import { bodyResolver, messagesOf, PRECHECK } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { flagKeyOf } from "@/lib/audits/flags";
import { campaignFieldName, parseGoldLines } from "@/lib/audits/gold-lines";
import { ZCreateCampaign } from "@/lib/audits/schemas";

type TDataset = { id: string; name: string; fields: string[] };
const MODES = [
  { value: "size", label: "Fixed number of records" },
  { value: "fraction", label: "Fraction (0–1)" },
  { value: "all", label: "All records" },
];

type TProblem = { detail?: string; errors?: Record<string, string[]> };
type TCampaignFields = {
  datasetId: string;
  name: string;
  mode: string;
  amount: string;
  strata: string;
  seed: string;
  reviewersPerItem: string;
  flags: string;
  gold: string;
};

const GOLD_UNREADABLE = "Some gold items cannot be read";

/** The POST /api/v1/audits body from what was typed; ZCreateCampaign (the server's) judges it. */
function campaignBody(v: TCampaignFields) {
  const amount = Number(v.amount.trim());
  const sample =
    v.mode === "all"
      ? { sampleFraction: 1 }
      : v.mode === "fraction"
        ? { sampleFraction: amount }
        : { sampleSize: amount };
  const flags = v.flags
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((label) => ({ key: flagKeyOf(label), label }));
  return {
    datasetId: v.datasetId,
    name: v.name.trim() || undefined,
    seed: v.seed.trim(),
    reviewersPerItem: Number(v.reviewersPerItem.trim() || 2),
    ...sample,
    ...(v.strata.trim() ? { strata: v.strata.trim() } : {}),
    gold: parseGoldLines(v.gold.trim()).gold,
    ...(flags.length ? { flags } : {}),
  };
}

type TCampaignBody = ReturnType<typeof campaignBody>;

// A gold line that cannot be read is said in words before the schema sees the lines that could.
const resolver = bodyResolver(ZCreateCampaign, campaignBody, (v) => {
  const { errors } = parseGoldLines(v.gold.trim());
  return errors.length ? { gold: errors.join("; ") } : null;
});

/** An admin picks a dataset and a sample; the seed is recorded so the sample can be drawn again. */
export function CreateCampaignForm({ datasets, defaultSeed }: { datasets: TDataset[]; defaultSeed: string }) {
  const router = useRouter();
  const [problem, setProblem] = useState<TProblem | null>(null);
  // Inputs with a default also name it: the server-rendered form shows it before react-hook-form runs.
  const form = useForm<TCampaignFields, unknown, TCampaignBody>({
    defaultValues: {
      datasetId: datasets[0]?.id ?? "",
      name: "",
      mode: "size",
      amount: "40",
      strata: "",
      seed: defaultSeed,
      reviewersPerItem: "2",
      flags: "",
      gold: "",
    },
    resolver,
  });
  const [datasetId, mode] = useWatch({ control: form.control, name: ["datasetId", "mode"] });
  const fields = datasets.find((d) => d.id === datasetId)?.fields ?? [];

  const create = useMutation({
    mutationFn: (body: TCampaignBody) => apiFetch<{ id: string }>("/api/v1/audits", { body }),
    onMutate: () => setProblem(null),
    onSuccess: ({ id }) => router.push(`/audits/${id}`),
    onError: (e) =>
      setProblem({
        detail: detailOf(e, "Could not start the campaign"),
        errors: asApiError(e).fieldErrors,
      }),
  });
  const onSubmit = form.handleSubmit(
    (body) => create.mutate(body),
    (errors) => {
      const found = messagesOf(errors);
      setProblem({
        detail: errors.gold?.type === PRECHECK ? GOLD_UNREADABLE : "Some fields need attention",
        errors: found,
      });
    },
  );

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="grid gap-3 text-sm sm:grid-cols-2"
      aria-label="Start an audit campaign"
    >
      <SelectField
        label="Dataset"
        options={datasets.map((d) => ({ value: d.id, label: d.name }))}
        {...form.register("datasetId")}
      />
      <Field label="Name" {...form.register("name")} />
      <SelectField label="Sample" options={MODES} {...form.register("mode")} />
      <Field
        label="Size or fraction"
        defaultValue="40"
        disabled={mode === "all"}
        {...form.register("amount")}
      />
      <SelectField
        label="Stratify by"
        options={[{ value: "", label: "Simple random" }, ...fields.map((f) => ({ value: f, label: f }))]}
        {...form.register("strata")}
      />
      <Field label="Random seed" required defaultValue={defaultSeed} {...form.register("seed")} />
      <Field
        label="Reviewers per item"
        type="number"
        min={1}
        max={10}
        defaultValue={2}
        {...form.register("reviewersPerItem")}
      />
      <TextAreaField
        label="Error flags, one per line (empty: the default rubric)"
        wrapperClassName="sm:col-span-2"
        className="h-20"
        {...form.register("flags")}
      />
      <TextAreaField
        label={`Gold items, one per line: record number and known verdict (e.g. "17 reject")`}
        wrapperClassName="sm:col-span-2"
        className="h-16"
        {...form.register("gold")}
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={!datasetId || create.isPending}>
          Start campaign
        </Button>
      </div>
      {problem ? (
        <div role="alert" className="text-error sm:col-span-2">
          {/* A refusal about one field says it once, beside the field's name. */}
          {Object.values(problem.errors ?? {})
            .flat()
            .includes(problem.detail ?? "") ? null : (
            <p>{problem.detail}</p>
          )}
          {problem.errors
            ? Object.entries(problem.errors).map(([k, v]) => (
                <p key={k}>
                  {campaignFieldName(k)}: {v.join("; ")}
                </p>
              ))
            : null}
        </div>
      ) : null}
    </form>
  );
}
