"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { apiFetch, asApiError, detailOf } from "@/components/data/api-fetch";
import { bodyResolver } from "@/components/data/body-resolver";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField } from "@/components/ui/field";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import { ZAdjudicate } from "@/lib/audits/schemas";

const VERDICTS = [
  { value: "accept", label: "Accept" },
  { value: "reject", label: "Reject" },
  { value: "revise", label: "Needs revision" },
];

/** Pause / resume / close, and adjudication of one disputed item. */
export function CampaignControls({ id, status }: { id: string; status: string }) {
  const router = useRouter();
  const move = useMutation({
    mutationFn: (m: "pause" | "resume" | "close") =>
      apiFetch(`/api/v1/audits/${id}/${m}`, { method: "POST" }),
    // A refusal may mean the status moved meanwhile (another admin): the page shows the current one.
    onSettled: () => router.refresh(),
  });
  const ask = (m: "pause" | "resume" | "close") => {
    // As closing a study: a closed campaign takes no more reviews and cannot be reopened.
    if (
      m === "close" &&
      !window.confirm(
        "Close the campaign for good? Reviewers can no longer submit, and it cannot be reopened.",
      )
    )
      return;
    move.mutate(m);
  };
  return (
    <div className="flex gap-2">
      {status === "ACTIVE" ? (
        <Button variant="secondary" onClick={() => ask("pause")}>
          Pause
        </Button>
      ) : null}
      {status === "PAUSED" ? (
        <Button variant="secondary" onClick={() => ask("resume")}>
          Resume
        </Button>
      ) : null}
      {status !== "CLOSED" ? (
        <Button variant="danger" onClick={() => ask("close")}>
          Close
        </Button>
      ) : null}
      {move.error ? (
        <p role="alert" className="text-sm text-error">
          {detailOf(move.error, "Failed")}
        </p>
      ) : null}
    </div>
  );
}

type TAdjudicateFields = { verdict: string; flags: string[]; correctedOutput: string };

// The final output is sent only with "revise": the other verdicts keep the model's output.
const adjudicateBody = (v: TAdjudicateFields) => ({
  verdict: v.verdict as "accept" | "reject" | "revise",
  flags: v.flags,
  correctedOutput: v.verdict === "revise" ? v.correctedOutput : undefined,
});
const resolver = bodyResolver(ZAdjudicate, adjudicateBody);

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
  const [phiRefusal, setPhiRefusal] = useState<TPhiRefusal | null>(null);
  // `flags` defaults to a list so that even a single checkbox reads as a list of ticked keys.
  const form = useForm<TAdjudicateFields, unknown, ReturnType<typeof adjudicateBody>>({
    defaultValues: { verdict: "revise", flags: [], correctedOutput: output },
    resolver,
  });
  const [verdict, text] = useWatch({ control: form.control, name: ["verdict", "correctedOutput"] });
  const written = useWrittenFindings([
    { field: "correctedOutput", text: verdict === "revise" ? text : "", baselines },
  ]);
  const adjudicate = useMutation({
    mutationFn: (body: ReturnType<typeof adjudicateBody> & { phiConfirmed?: true }) =>
      apiFetch(`/api/v1/audits/${campaignId}/items/${itemId}/adjudicate`, { method: "POST", body }),
    onMutate: () => setPhiRefusal(null),
    onSuccess: () => router.refresh(),
    onError: (e) => {
      const err = asApiError(e);
      const refusal = err.status === 422 ? phiRefusalOf(err.body) : null;
      if (refusal) setPhiRefusal(refusal);
    },
  });
  const send = (phiConfirmed: boolean) =>
    form.handleSubmit((body) => adjudicate.mutate(phiConfirmed ? { ...body, phiConfirmed: true } : body));
  const problem =
    adjudicate.error && !phiRefusal
      ? detailOf(adjudicate.error, "Failed")
      : Object.values(form.formState.errors)[0]?.message;
  return (
    // No aria-label on the form: one per disputed item, they would be landmarks all of the same name.
    <form onSubmit={(e) => void send(false)(e)} className="mt-2 space-y-2 text-sm">
      <SelectField
        id={`verdict-${itemId}`}
        label="Final verdict"
        compact
        wrapperClassName="max-w-xs"
        options={VERDICTS}
        defaultValue="revise"
        {...form.register("verdict")}
      />
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {flags.map((f) => (
          <CheckboxField
            key={f.key}
            id={`flag-${itemId}-${f.key}`}
            value={f.key}
            label={f.label}
            {...form.register("flags")}
          />
        ))}
      </div>
      <TextAreaField
        id={`final-output-${itemId}`}
        label="Final output"
        hideLabel
        className="h-24"
        defaultValue={output}
        {...form.register("correctedOutput")}
      />
      <PhiFindingsInline text={text} findings={written} />
      {phiRefusal ? (
        <PhiConfirm
          refusal={phiRefusal}
          fieldLabels={{ correctedOutput: "Final output" }}
          onConfirm={() => void send(true)()}
          onCancel={() => setPhiRefusal(null)}
        />
      ) : null}
      <Button type="submit">Record final verdict</Button>
      {problem ? (
        <p role="alert" className="text-error">
          {problem}
        </p>
      ) : null}
    </form>
  );
}
