"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, asApiError, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";

/** Approve or request changes on the version shown; a stale version is refused by the server. */
export function ReviewPanel({ seedId, version }: { seedId: string; version: number }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [phiRefusal, setPhiRefusal] = useState<{
    decision: "APPROVE" | "REQUEST_CHANGES";
    refusal: TPhiRefusal;
  } | null>(null);
  const written = useWrittenFindings([{ field: "comment", text: comment }]);
  type TDecision = { decision: "APPROVE" | "REQUEST_CHANGES"; phiConfirmed?: boolean };
  const review = useMutation({
    mutationFn: ({ decision, phiConfirmed }: TDecision) =>
      apiFetch(`/api/v1/seeds/${seedId}/review`, {
        method: "POST",
        body: { baseVersion: version, decision, comment, ...(phiConfirmed ? { phiConfirmed: true } : {}) },
      }),
    onMutate: () => setPhiRefusal(null),
    onSuccess: () => router.refresh(),
    onError: (e, { decision }) => {
      const err = asApiError(e);
      const refusal = err.status === 422 ? phiRefusalOf(err.body) : null;
      if (refusal) {
        setError(null);
        setPhiRefusal({ decision, refusal });
        return;
      }
      // An approval refused for an incomplete seed names what is missing, so the reviewer can say so.
      const errors = err.fieldErrors;
      setError(
        errors.comment?.join(" ") ??
          [detailOf(err, "Could not record the review."), ...Object.values(errors).flat()].join(" "),
      );
    },
  });
  const busy = review.isPending;
  const decide = (decision: TDecision["decision"], phiConfirmed = false) =>
    review.mutate({ decision, phiConfirmed });
  return (
    <div className="space-y-3">
      <TextAreaField
        id="review-comment"
        name="comment"
        label="Comment for the author (required when requesting changes)"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        rows={3}
      />
      <PhiFindingsInline text={comment} findings={written} />
      {phiRefusal ? (
        <PhiConfirm
          refusal={phiRefusal.refusal}
          fieldLabels={{ comment: "Comment" }}
          busy={busy}
          onConfirm={() => decide(phiRefusal.decision, true)}
          onCancel={() => setPhiRefusal(null)}
        />
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex gap-2">
        <Button type="button" disabled={busy} onClick={() => decide("APPROVE")}>
          Approve
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => decide("REQUEST_CHANGES")}>
          Request changes
        </Button>
      </div>
    </div>
  );
}
