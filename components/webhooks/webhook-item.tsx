"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TWebhookListItem } from "@/lib/webhooks/list-webhooks";
import { DeliveryLog } from "./delivery-log";
import { deliveriesKey, webhooksKey } from "./webhook-api";

/** One endpoint: its state, enable/disable, send test, delete and its delivery log. */
export function WebhookItem({ webhook: w }: { webhook: TWebhookListItem }) {
  const queryClient = useQueryClient();
  const [showLog, setShowLog] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: webhooksKey });
  };
  const toggle = useMutation({
    mutationFn: () =>
      apiFetch(`/api/v1/webhooks/${w.id}`, { method: "PATCH", body: { enabled: !w.enabled } }),
    onSuccess: refresh,
  });
  const test = useMutation({
    mutationFn: () => apiFetch<{ deliveryId: string }>(`/api/v1/webhooks/${w.id}/test`, { method: "POST" }),
    onSuccess: () => {
      setShowLog(true);
      void queryClient.invalidateQueries({ queryKey: deliveriesKey(w.id) });
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/v1/webhooks/${w.id}`, { method: "DELETE" }),
    onSuccess: refresh,
  });
  const failed = [toggle, test, remove].find((m) => m.isError);
  return (
    <li className="space-y-2 border-b border-slate-200 py-3 last:border-b-0" data-testid="webhook-item">
      <p className="break-all font-mono text-sm">{w.url}</p>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
        <span className={w.enabled ? "text-success" : "text-error"}>
          {w.enabled
            ? "Enabled"
            : w.disabledReason === "failures"
              ? "Disabled after repeated failed deliveries"
              : "Disabled"}
        </span>
        <span>Events: {w.events.join(", ")}</span>
        <span className="text-muted">
          {w.pending} pending · {w.failed} failed
          {w.consecutiveFailures ? ` · ${w.consecutiveFailures} failures in a row` : ""}
        </span>
      </p>
      {failed ? (
        <Notice tone="error">{detailOf(failed.error, "That did not work. Try again.")}</Notice>
      ) : null}
      {test.isSuccess ? (
        <Notice tone="success">Test queued: it appears in the log below when sent.</Notice>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
          {w.enabled ? "Disable" : "Enable"}
        </Button>
        <Button variant="secondary" disabled={!w.enabled || test.isPending} onClick={() => test.mutate()}>
          Send test
        </Button>
        <Button variant="secondary" aria-expanded={showLog} onClick={() => setShowLog((s) => !s)}>
          {showLog ? "Hide deliveries" : "Deliveries"}
        </Button>
        <Button
          variant="danger"
          disabled={remove.isPending}
          onClick={() => {
            if (window.confirm(`Delete the endpoint ${w.url}? Its pending deliveries are dropped.`))
              remove.mutate();
          }}
        >
          Delete
        </Button>
      </div>
      {showLog ? <DeliveryLog endpointId={w.id} /> : null}
    </li>
  );
}
