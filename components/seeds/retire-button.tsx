"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";

export function RetireButton({ seedId }: { seedId: string }) {
  const router = useRouter();
  const retire = useMutation({
    mutationFn: () => apiFetch(`/api/v1/seeds/${seedId}/retire`, { method: "POST" }),
    onSuccess: () => router.refresh(),
  });
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="danger"
        onClick={() => {
          if (window.confirm("Retire this seed? It will no longer be exported.")) retire.mutate();
        }}
      >
        Retire
      </Button>
      {retire.error ? (
        <span role="alert" className="text-sm text-error">
          {detailOf(retire.error, "Could not retire.")}
        </span>
      ) : null}
    </span>
  );
}
