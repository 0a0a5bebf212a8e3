"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Pause / resume / close, and adjudication of one disputed item. */
export function CampaignControls({ id, status }: { id: string; status: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const move = async (m: "pause" | "resume" | "close") => {
    // As closing a study: a closed campaign takes no more reviews and cannot be reopened.
    if (m === "close" && !window.confirm("Close the campaign for good? Reviewers can no longer submit, and it cannot be reopened.")) return;
    const res = await fetch(`/api/v1/audits/${id}/${m}`, { method: "POST" });
    if (!res.ok) setError(((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? "Failed");
    router.refresh();
  };
  return (
    <div className="flex gap-2">
      {status === "ACTIVE" ? <Button variant="secondary" onClick={() => void move("pause")}>Pause</Button> : null}
      {status === "PAUSED" ? <Button variant="secondary" onClick={() => void move("resume")}>Resume</Button> : null}
      {status !== "CLOSED" ? <Button variant="danger" onClick={() => void move("close")}>Close</Button> : null}
      {error ? <p role="alert" className="text-sm text-red-800">{error}</p> : null}
    </div>
  );
}

export function AdjudicateForm({ campaignId, itemId, output, flags }: { campaignId: string; itemId: string; output: string; flags: { key: string; label: string }[] }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const onSubmit = async (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const verdict = f.get("verdict");
    const corrected = f.get("correctedOutput");
    const res = await fetch(`/api/v1/audits/${campaignId}/items/${itemId}/adjudicate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        verdict,
        flags: f.getAll("flags").filter((x): x is string => typeof x === "string"),
        correctedOutput: typeof corrected === "string" && verdict === "revise" ? corrected : undefined,
      }),
    });
    if (res.ok) router.refresh();
    else setError(((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? "Failed");
  };
  return (
    // No aria-label on the form: one per disputed item, they would be landmarks all of the same name.
    <form onSubmit={(e) => void onSubmit(e)} className="mt-2 space-y-2 text-sm">
      <label className="flex items-center gap-2">
        Final verdict
        <select name="verdict" className="rounded border px-2 py-1" defaultValue="revise">
          <option value="accept">Accept</option>
          <option value="reject">Reject</option>
          <option value="revise">Needs revision</option>
        </select>
      </label>
      <div className="flex flex-wrap gap-2">
        {flags.map((f) => (
          <label key={f.key} className="flex items-center gap-1">
            <input type="checkbox" name="flags" value={f.key} /> {f.label}
          </label>
        ))}
      </div>
      <textarea name="correctedOutput" defaultValue={output} className="h-24 w-full rounded border p-2" aria-label="Final output" />
      <Button type="submit">Record final verdict</Button>
      {error ? <p role="alert" className="text-red-800">{error}</p> : null}
    </form>
  );
}
