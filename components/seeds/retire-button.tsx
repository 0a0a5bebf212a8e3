"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { seedApi, textOf } from "./seed-api";

export function RetireButton({ seedId }: { seedId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  async function retire() {
    if (!window.confirm("Retire this seed? It will no longer be exported.")) return;
    const res = await seedApi("POST", `/api/v1/seeds/${seedId}/retire`);
    if (res.status >= 400) setError(textOf(res.body.detail, "Could not retire."));
    else router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button type="button" variant="danger" onClick={() => void retire()}>
        Retire
      </Button>
      {error ? <span role="alert" className="text-sm text-error">{error}</span> : null}
    </span>
  );
}
