"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { apiFetch } from "@/components/studies/api-fetch";

const ACTIONS = {
  DRAFT: ["start"],
  ACTIVE: ["pause", "close"],
  PAUSED: ["resume", "close"],
  CLOSED: [],
} as const;

export function StudyControls({ studyId, status }: { studyId: string; status: keyof typeof ACTIONS }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: string) {
    if (action === "close" && !window.confirm("Close the study for good?")) return;
    setBusy(true);
    const r = await apiFetch<unknown>(`/api/v1/studies/${studyId}/${action}`, { method: "POST" });
    setBusy(false);
    if (!r.ok) setError(r.error);
    else {
      setError(null);
      router.refresh();
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex gap-2">
        {ACTIONS[status].map((a) => (
          <Button
            key={a}
            type="button"
            variant={a === "close" ? "danger" : "primary"}
            disabled={busy}
            onClick={() => void act(a)}
          >
            {a[0]?.toUpperCase()}
            {a.slice(1)} study
          </Button>
        ))}
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </div>
  );
}
