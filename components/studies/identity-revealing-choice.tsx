"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { CheckboxField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { apiFetch } from "@/components/studies/api-fetch";

/** Before the start: the admin's explicit choice to hand out comparisons whose outputs name their model. */
export function IdentityRevealingChoice({
  studyId,
  include,
  count,
}: {
  studyId: string;
  include: boolean;
  count: number;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(include);

  async function choose(next: boolean) {
    setChecked(next);
    setBusy(true);
    const r = await apiFetch<unknown>(`/api/v1/studies/${studyId}/identity-revealing`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ include: next }),
    });
    setBusy(false);
    if (!r.ok) {
      setChecked(!next);
      setError(r.error);
    } else {
      setError(null);
      router.refresh();
    }
  }

  return (
    <div className="mt-3 space-y-2 text-sm">
      <CheckboxField
        name="includeRevealing"
        checked={checked}
        disabled={busy}
        onChange={(e) => void choose(e.target.checked)}
        data-testid="include-revealing"
        label={`Show these ${count} outputs to raters anyway (recorded in the audit trail)`}
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
