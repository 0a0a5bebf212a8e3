"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, asApiError, problemSummary } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

const ACTIONS = {
  DRAFT: ["start"],
  ACTIVE: ["pause", "close"],
  PAUSED: ["resume", "close"],
  CLOSED: [],
} as const;

export function StudyControls({ studyId, status }: { studyId: string; status: keyof typeof ACTIONS }) {
  const router = useRouter();
  const act = useMutation({
    mutationFn: (action: string) => apiFetch(`/api/v1/studies/${studyId}/${action}`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        {ACTIONS[status].map((a) => (
          <Button
            key={a}
            type="button"
            variant={a === "close" ? "danger" : "primary"}
            disabled={act.isPending}
            onClick={() => {
              if (a === "close" && !window.confirm("Close the study for good?")) return;
              act.mutate(a);
            }}
          >
            {a[0]?.toUpperCase()}
            {a.slice(1)} study
          </Button>
        ))}
      </div>
      {act.error ? <Notice tone="error">{problemSummary(asApiError(act.error))}</Notice> : null}
    </div>
  );
}
