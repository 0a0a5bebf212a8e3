"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Notice } from "@/components/ui/notice";
import { cn } from "@/components/ui/cn";
import { deliveriesKey, type TDeliveryLog } from "./webhook-api";

const STATUS_TONE = { DELIVERED: "text-success", PENDING: "text-warning", FAILED: "text-error" } as const;
const STATUS_WORD = { DELIVERED: "Delivered", PENDING: "Pending", FAILED: "Failed (gave up)" } as const;

/** An endpoint's newest deliveries with every attempt, refreshed while open (the worker sends in the background). */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const log = useQuery({
    queryKey: deliveriesKey(endpointId),
    queryFn: () => apiFetch<TDeliveryLog>(`/api/v1/webhooks/${endpointId}/deliveries`),
    refetchInterval: 3_000,
  });
  if (log.isError)
    return <Notice tone="error">{detailOf(log.error, "The delivery log could not be read.")}</Notice>;
  if (!log.data) return <p className="text-sm text-muted">Loading deliveries…</p>;
  if (!log.data.deliveries.length) return <p className="text-sm text-muted">No deliveries yet.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid={`delivery-log-${endpointId}`}>
      {log.data.deliveries.map((d) => (
        <li key={d.id} className="rounded-md border border-slate-200 p-2">
          <p className="flex flex-wrap gap-x-3 gap-y-1">
            <code className="font-mono text-xs">{d.event}</code>
            <span className={cn("font-semibold", STATUS_TONE[d.status])}>{STATUS_WORD[d.status]}</span>
            <span>
              {d.attempts} attempt{d.attempts === 1 ? "" : "s"}
            </span>
            <span className="text-muted">{new Date(d.createdAt).toLocaleString()}</span>
            {d.nextAttemptAt && d.attempts > 0 ? (
              <span className="text-muted">next try {new Date(d.nextAttemptAt).toLocaleTimeString()}</span>
            ) : null}
          </p>
          <p className="break-all text-xs text-muted">Delivery id {d.id}</p>
          {d.log.length ? (
            <ol className="mt-1 space-y-0.5 text-xs">
              {d.log.map((a) => (
                <li key={a.attempt} className="break-words">
                  #{a.attempt} {a.ok ? "ok" : "failed"} · {a.statusCode ?? "no answer"}
                  {a.errorClass ? ` · ${a.errorClass}` : ""} · {a.durationMs} ms
                  {a.snippet ? <span className="text-muted"> · “{a.snippet}”</span> : null}
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
