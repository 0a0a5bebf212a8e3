"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * "Redact" with an inline confirm step (not window.confirm: it says what will change, and works the
 * same on a phone). The answer of a repeat is a no-op 200, so a double click is harmless.
 */
export function RedactConfirmationButton({ id, what }: { id: string; what: string }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const redact = async () => {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/v1/phi/confirmations/${id}/redact`, { method: "POST" });
    setBusy(false);
    if (!res.ok) {
      setError(
        ((await res.json().catch(() => ({}))) as { detail?: string }).detail ?? "The redaction failed",
      );
      return;
    }
    setAsking(false);
    router.refresh();
  };

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
        <Button variant="danger" disabled={busy} onClick={() => void redact()}>
          {busy ? "Redacting…" : "Yes, redact"}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={() => setAsking(false)}>
          Cancel
        </Button>
      </div>
      {error ? (
        <p role="alert" className="text-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
