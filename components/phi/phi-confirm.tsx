"use client";

import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { phiKindLabel } from "@/lib/phi/labels";
import type { TPhiRefusal } from "./phi-problem";

/**
 * The question a submit with findings asks before it is sent again with phiConfirmed. Inline
 * rather than a modal, so it works at any width and keeps the text in view; focus moves to it.
 */
export function PhiConfirm({
  refusal,
  fieldLabels,
  busy,
  onConfirm,
  onCancel,
}: {
  refusal: TPhiRefusal;
  fieldLabels: Record<string, string>;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  // On its first button: Enter then answers the question instead of reaching a page shortcut.
  useEffect(() => ref.current?.querySelector("button")?.focus(), []);
  const byField = new Map<string, Set<string>>();
  for (const f of refusal.findings)
    byField.set(f.field, (byField.get(f.field) ?? new Set()).add(phiKindLabel(f.kind)));
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-list`}
      className="space-y-2 rounded-md border-2 border-amber-700 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="phi-confirm"
    >
      <p id={`${id}-title`} className="font-semibold">
        {refusal.confirmable ? "Is this patient information?" : "Remove the patient identifier first"}
      </p>
      <ul id={`${id}-list`} className="list-disc pl-5">
        {[...byField].map(([field, kinds]) => (
          <li key={field}>
            {fieldLabels[field] ?? field}: {[...kinds].join(", ")}
          </li>
        ))}
      </ul>
      {refusal.confirmable ? (
        <p>
          If these are not real identifiers (a made-up name, a public date), confirm and submit. Your
          confirmation is recorded with your name.
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {refusal.confirmable ? (
          <Button type="button" onClick={onConfirm} disabled={busy} data-testid="phi-confirm-submit">
            Not PHI: submit
          </Button>
        ) : null}
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          Edit the text
        </Button>
      </div>
    </div>
  );
}
