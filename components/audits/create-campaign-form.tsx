"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { flagKeyOf } from "@/lib/audits/flags";
import { campaignFieldName, parseGoldLines } from "@/lib/audits/gold-lines";

type TDataset = { id: string; name: string; fields: string[] };
const MODES = [
  { value: "size", label: "Fixed number of records" },
  { value: "fraction", label: "Fraction (0–1)" },
  { value: "all", label: "All records" },
];

type TProblem = { detail?: string; errors?: Record<string, string[]> };

/** An admin picks a dataset and a sample; the seed is recorded so the sample can be drawn again. */
export function CreateCampaignForm({ datasets, defaultSeed }: { datasets: TDataset[]; defaultSeed: string }) {
  const router = useRouter();
  const [datasetId, setDatasetId] = useState(datasets[0]?.id ?? "");
  const [problem, setProblem] = useState<TProblem | null>(null);
  const [mode, setMode] = useState("size");
  const fields = datasets.find((d) => d.id === datasetId)?.fields ?? [];

  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = f.get(k);
      return typeof v === "string" ? v.trim() : "";
    };
    const amount = Number(text("amount"));
    const gold = parseGoldLines(text("gold"));
    if (gold.errors.length)
      return setProblem({ detail: "Some gold items cannot be read", errors: { gold: gold.errors } });
    const sample =
      mode === "all"
        ? { sampleFraction: 1 }
        : mode === "fraction"
          ? { sampleFraction: amount }
          : { sampleSize: amount };
    const body = {
      datasetId,
      name: text("name") || undefined,
      seed: text("seed"),
      reviewersPerItem: Number(text("reviewersPerItem") || 2),
      ...sample,
      ...(text("strata") ? { strata: text("strata") } : {}),
      gold: gold.gold,
      ...(text("flags")
        ? {
            flags: text("flags")
              .split("\n")
              .map((l) => l.trim())
              .filter(Boolean)
              .map((label) => ({ key: flagKeyOf(label), label })),
          }
        : {}),
    };
    const res = await fetch("/api/v1/audits", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (res.status === 201) {
      const { id } = (await res.json()) as { id: string };
      router.push(`/audits/${id}`);
    } else
      setProblem((await res.json().catch(() => ({ detail: "Could not start the campaign" }))) as TProblem);
  };

  return (
    <form
      onSubmit={(e) => void onSubmit(e)}
      className="grid gap-3 text-sm sm:grid-cols-2"
      aria-label="Start an audit campaign"
    >
      <SelectField
        name="datasetId"
        label="Dataset"
        value={datasetId}
        onChange={(e) => setDatasetId(e.target.value)}
        options={datasets.map((d) => ({ value: d.id, label: d.name }))}
      />
      <Field name="name" label="Name" />
      <SelectField
        name="mode"
        label="Sample"
        value={mode}
        onChange={(e) => setMode(e.target.value)}
        options={MODES}
      />
      <Field name="amount" label="Size or fraction" defaultValue="40" disabled={mode === "all"} />
      <SelectField
        name="strata"
        label="Stratify by"
        defaultValue=""
        options={[{ value: "", label: "Simple random" }, ...fields.map((f) => ({ value: f, label: f }))]}
      />
      <Field name="seed" label="Random seed" required defaultValue={defaultSeed} />
      <Field
        name="reviewersPerItem"
        label="Reviewers per item"
        type="number"
        min={1}
        max={10}
        defaultValue={2}
      />
      <TextAreaField
        name="flags"
        label="Error flags, one per line (empty: the default rubric)"
        wrapperClassName="sm:col-span-2"
        className="h-20"
      />
      <TextAreaField
        name="gold"
        label={`Gold items, one per line: record number and known verdict (e.g. "17 reject")`}
        wrapperClassName="sm:col-span-2"
        className="h-16"
      />
      <div className="sm:col-span-2">
        <Button type="submit" disabled={!datasetId}>
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
