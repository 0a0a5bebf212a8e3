"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";

/**
 * "Redact" with an inline confirm step (not window.confirm: it says what will change, and works the
 * same on a phone). The answer of a repeat is a no-op 200, so a double click is harmless.
 */
export function RedactConfirmationButton({ id, what }: { id: string; what: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const redact = useMutation({
    mutationFn: () => apiFetch(`/api/v1/phi/confirmations/${id}/redact`, { method: "POST" }),
    onSuccess: () => {
      setAsking(false);
      router.refresh();
    },
  });
  const busy = redact.isPending;

  if (!asking) {
    return (
      <Button variant="secondary" onClick={() => setAsking(true)}>
        Redact
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm redaction"
      className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm"
    >
      <p>
        Replace this {what} with a placeholder in the text, its drafts and the audit trail? This cannot be
        undone.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" disabled={busy} onClick={() => redact.mutate()}>
          {busy ? "Redacting…" : "Yes, redact"}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
      {redact.error ? (
        <p role="alert" className="text-error">
          {detailOf(redact.error, "The redaction failed")}
        </p>
      ) : null}
    </div>
  );
}
