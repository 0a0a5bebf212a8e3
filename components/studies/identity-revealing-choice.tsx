"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, asApiError, problemSummary } from "@/components/data/api-fetch";
import { CheckboxField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { z } from "zod";
import type { ZIdentityRevealing } from "@/lib/studies/schemas";

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
  // Shown at once; put back if the server refuses.
  const [checked, setChecked] = useState(include);
  const choose = useMutation({
    mutationFn: (body: z.input<typeof ZIdentityRevealing>) =>
      apiFetch(`/api/v1/studies/${studyId}/identity-revealing`, { method: "PUT", body }),
    onMutate: ({ include: next }) => setChecked(next),
    onError: (_e, { include: next }) => setChecked(!next),
    onSuccess: () => router.refresh(),
  });

  return (
    <div className="mt-3 space-y-2 text-sm">
      <CheckboxField
        name="includeRevealing"
        checked={checked}
        disabled={choose.isPending}
        onChange={(e) => choose.mutate({ include: e.target.checked })}
        data-testid="include-revealing"
        label={`Show these ${count} outputs to raters anyway (recorded in the audit trail)`}
      />
      {choose.error ? <Notice tone="error">{problemSummary(asApiError(choose.error))}</Notice> : null}
    </div>
  );
}
