"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { flagKeyOf } from "@/lib/audits/flags";
import { campaignFieldName, parseGoldLines } from "@/lib/audits/gold-lines";

type TDataset = { id: string; name: string; fields: string[] };
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
    if (gold.errors.length) return setProblem({ detail: "Some gold items cannot be read", errors: { gold: gold.errors } });
    const sample = mode === "all" ? { sampleFraction: 1 } : mode === "fraction" ? { sampleFraction: amount } : { sampleSize: amount };
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
    const res = await fetch("/api/v1/audits", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (res.status === 201) {
      const { id } = (await res.json()) as { id: string };
      router.push(`/audits/${id}`);
    } else setProblem((await res.json().catch(() => ({ detail: "Could not start the campaign" }))) as TProblem);
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} className="grid gap-3 text-sm sm:grid-cols-2" aria-label="Start an audit campaign">
      <label>
        Dataset
        <select name="datasetId" value={datasetId} onChange={(e) => setDatasetId(e.target.value)} className="mt-1 block w-full rounded border px-2 py-1">
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Name
        <input name="name" className="mt-1 block w-full rounded border px-2 py-1" />
      </label>
      <label>
        Sample
        <select name="mode" className="mt-1 block w-full rounded border px-2 py-1" value={mode} onChange={(e) => setMode(e.target.value)}>
          <option value="size">Fixed number of records</option>
          <option value="fraction">Fraction (0–1)</option>
          <option value="all">All records</option>
        </select>
      </label>
      <label>
        Size or fraction
        <input name="amount" defaultValue="40" disabled={mode === "all"} className="mt-1 block w-full rounded border px-2 py-1 disabled:bg-slate-100" />
      </label>
      <label>
        Stratify by
        <select name="strata" className="mt-1 block w-full rounded border px-2 py-1" defaultValue="">
          <option value="">Simple random</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        Random seed
        <input name="seed" required defaultValue={defaultSeed} className="mt-1 block w-full rounded border px-2 py-1" />
      </label>
      <label>
        Reviewers per item
        <input name="reviewersPerItem" type="number" min={1} max={10} defaultValue={2} className="mt-1 block w-full rounded border px-2 py-1" />
      </label>
      <label className="sm:col-span-2">
        Error flags, one per line (empty: the default rubric)
        <textarea name="flags" className="mt-1 block h-20 w-full rounded border px-2 py-1" />
      </label>
      <label className="sm:col-span-2">
        Gold items, one per line: record number and known verdict (e.g. &quot;17 reject&quot;)
        <textarea name="gold" className="mt-1 block h-16 w-full rounded border px-2 py-1" />
      </label>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={!datasetId}>
          Start campaign
        </Button>
      </div>
      {problem ? (
        <div role="alert" className="text-error sm:col-span-2">
          {/* A refusal about one field says it once, beside the field's name. */}
          {Object.values(problem.errors ?? {}).flat().includes(problem.detail ?? "") ? null : <p>{problem.detail}</p>}
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
