"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/field";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";

const VERDICTS = [
  { value: "accept", label: "Accept" },
  { value: "reject", label: "Reject" },
  { value: "revise", label: "Needs revision" },
];

/** Pause / resume / close, and adjudication of one disputed item. */
export function CampaignControls({ id, status }: { id: string; status: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const move = async (m: "pause" | "resume" | "close") => {
    // As closing a study: a closed campaign takes no more reviews and cannot be reopened.
    if (
      m === "close" &&
      !window.confirm(
        "Close the campaign for good? Reviewers can no longer submit, and it cannot be reopened.",
      )
    )
      return;
    const res = await fetch(`/api/v1/audits/${id}/${m}`, { method: "POST" });
    if (!res.ok) setError(((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? "Failed");
    router.refresh();
  };
  return (
    <div className="flex gap-2">
      {status === "ACTIVE" ? (
        <Button variant="secondary" onClick={() => void move("pause")}>
          Pause
        </Button>
      ) : null}
      {status === "PAUSED" ? (
        <Button variant="secondary" onClick={() => void move("resume")}>
          Resume
        </Button>
      ) : null}
      {status !== "CLOSED" ? (
        <Button variant="danger" onClick={() => void move("close")}>
          Close
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/**
 * `baselines`: the texts the final output may copy (the model's output, the reviewers'
 * corrections); only what the admin changes in them is scanned for PHI.
 */
export function AdjudicateForm({
  campaignId,
  itemId,
  output,
  baselines,
  flags,
}: {
  campaignId: string;
  itemId: string;
  output: string;
  baselines: string[];
  flags: { key: string; label: string }[];
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState("revise");
  const [text, setText] = useState(output);
  const [phiRefusal, setPhiRefusal] = useState<TPhiRefusal | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const written = useWrittenFindings([
    { field: "correctedOutput", text: verdict === "revise" ? text : "", baselines },
  ]);
  const send = async (phiConfirmed: boolean) => {
    const form = formRef.current;
    if (!form) return;
    setPhiRefusal(null);
    const f = new FormData(form);
    const res = await fetch(`/api/v1/audits/${campaignId}/items/${itemId}/adjudicate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        verdict,
        flags: f.getAll("flags").filter((x): x is string => typeof x === "string"),
        correctedOutput: verdict === "revise" ? text : undefined,
        ...(phiConfirmed ? { phiConfirmed: true } : {}),
      }),
    });
    if (res.ok) return router.refresh();
    const body: unknown = await res.json().catch(() => ({}));
    const refusal = res.status === 422 ? phiRefusalOf(body) : null;
    if (refusal) setPhiRefusal(refusal);
    else setError((body as { detail?: string }).detail ?? "Failed");
  };
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    void send(false);
  };
  return (
    // No aria-label on the form: one per disputed item, they would be landmarks all of the same name.
    <form ref={formRef} onSubmit={onSubmit} className="mt-2 space-y-2 text-sm">
      <SelectField
        id={`verdict-${itemId}`}
        name="verdict"
        label="Final verdict"
        compact
        wrapperClassName="max-w-xs"
        value={verdict}
        onChange={(e) => setVerdict(e.target.value)}
        options={VERDICTS}
      />
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {flags.map((f) => (
          <CheckboxField
            key={f.key}
            id={`flag-${itemId}-${f.key}`}
            name="flags"
            value={f.key}
            label={f.label}
          />
        ))}
      </div>
      <TextAreaField
        id={`final-output-${itemId}`}
        name="correctedOutput"
        label="Final output"
        hideLabel
        value={text}
        onChange={(e) => setText(e.target.value)}
        className="h-24"
      />
      <PhiFindingsInline text={text} findings={written} />
      {phiRefusal ? (
        <PhiConfirm
          refusal={phiRefusal}
          fieldLabels={{ correctedOutput: "Final output" }}
          onConfirm={() => void send(true)}
          onCancel={() => setPhiRefusal(null)}
        />
      ) : null}
      <Button type="submit">Record final verdict</Button>
      {error ? (
        <p role="alert" className="text-error">
          {error}
        </p>
      ) : null}
    </form>
  );
}
