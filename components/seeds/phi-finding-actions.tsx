"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { seedApi, textOf } from "./seed-api";

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
  const [error, setError] = useState<string | null>(null);
  async function run(kind: "redact" | "false-positive") {
    const res = await seedApi("POST", `/api/v1/seeds/${seedId}/phi/${kind}`, { field, fingerprint });
    if (res.status >= 400) setError(textOf(res.body.detail, "Could not do that."));
    else router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      {canRedact ? (
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => void run("redact")}>
          Redact everywhere
        </Button>
      ) : null}
      {canClear ? (
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => void run("false-positive")}>
          Not PHI
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
