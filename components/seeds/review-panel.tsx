"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { PhiConfirm } from "@/components/phi/phi-confirm";
import { PhiFindingsInline } from "@/components/phi/phi-findings-inline";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import { useWrittenFindings } from "@/components/phi/use-written-findings";
import { fieldErrorsOf, seedApi, textOf } from "./seed-api";

/** Approve or request changes on the version shown; a stale version is refused by the server. */
export function ReviewPanel({ seedId, version }: { seedId: string; version: number }) {
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [phiRefusal, setPhiRefusal] = useState<{ decision: "APPROVE" | "REQUEST_CHANGES"; refusal: TPhiRefusal } | null>(null);
  const written = useWrittenFindings([{ field: "comment", text: comment }]);
  async function decide(decision: "APPROVE" | "REQUEST_CHANGES", phiConfirmed = false) {
    setBusy(true);
    setPhiRefusal(null);
    const res = await seedApi("POST", `/api/v1/seeds/${seedId}/review`, { baseVersion: version, decision, comment, ...(phiConfirmed ? { phiConfirmed: true } : {}) });
    setBusy(false);
    const refusal = res.status === 422 ? phiRefusalOf(res.body) : null;
    if (refusal) {
      setError(null);
      setPhiRefusal({ decision, refusal });
      return;
    }
    if (res.status >= 400) {
      // An approval refused for an incomplete seed names what is missing, so the reviewer can say so.
      const errors = fieldErrorsOf(res.body);
      setError(errors.comment?.join(" ") ?? [textOf(res.body.detail, "Could not record the review."), ...Object.values(errors).flat()].join(" "));
      return;
    }
    router.refresh();
  }
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
          onConfirm={() => void decide(phiRefusal.decision, true)}
          onCancel={() => setPhiRefusal(null)}
        />
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex gap-2">
        <Button type="button" disabled={busy} onClick={() => void decide("APPROVE")}>
          Approve
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void decide("REQUEST_CHANGES")}>
          Request changes
        </Button>
      </div>
    </div>
  );
}
