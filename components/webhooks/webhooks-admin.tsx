"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Card, Notice } from "@/components/ui/notice";
import { CreateWebhookForm } from "./create-webhook-form";
import { webhooksKey, type TWebhookList } from "./webhook-api";
import { WebhookItem } from "./webhook-item";

/** The admin's webhook screen over /api/v1/webhooks; the page's first render is the initial data. */
export function WebhooksAdmin({ initial }: { initial: TWebhookList }) {
  const list = useQuery({
    queryKey: webhooksKey,
    queryFn: () => apiFetch<TWebhookList>("/api/v1/webhooks"),
    initialData: initial,
  });
  return (
    <div className="space-y-6">
      <Card title="Register an endpoint">
        <CreateWebhookForm allowedHosts={list.data.allowedHosts} />
      </Card>
      <Card title={`Endpoints (${list.data.webhooks.length})`}>
        {list.isError ? (
          <Notice tone="error">{detailOf(list.error, "The list could not be refreshed.")}</Notice>
        ) : null}
        {list.data.webhooks.length ? (
          <ul>
            {list.data.webhooks.map((w) => (
              <WebhookItem key={w.id} webhook={w} />
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">No endpoint yet.</p>
        )}
      </Card>
    </div>
  );
}
