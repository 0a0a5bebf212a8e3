"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";

/** Per finding: the author can redact it everywhere; another clinician can rule it a false positive. */
export function PhiFindingActions({
  seedId,
  field,
  fingerprint,
  canRedact,
  canClear,
}: {
  seedId: string;
  field: string;
  fingerprint: string;
  canRedact: boolean;
  canClear: boolean;
}) {
  const router = useRouter();
  const run = useMutation({
    mutationFn: (kind: "redact" | "false-positive") =>
      apiFetch(`/api/v1/seeds/${seedId}/phi/${kind}`, { method: "POST", body: { field, fingerprint } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <span className="inline-flex items-center gap-2">
      {canRedact ? (
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => run.mutate("redact")}
        >
          Redact everywhere
        </Button>
      ) : null}
      {canClear ? (
        <Button
          type="button"
          variant="secondary"
          className="px-2 py-1 text-xs"
          onClick={() => run.mutate("false-positive")}
        >
          Not PHI
        </Button>
      ) : null}
      {run.error ? (
        <span role="alert" className="text-xs text-error">
          {detailOf(run.error, "Could not do that.")}
        </span>
      ) : null}
    </span>
  );
}
