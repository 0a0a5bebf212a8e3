// The events a pipeline can subscribe to and what each carries: ids and counts only, never clinical
// text or a person's name (the types are the guarantee; emitWebhookEvent takes nothing else). Pure,
// so the admin form and the server share one list.

export const WEBHOOK_EVENTS = [
  "seed.approved",
  "campaign.closed",
  "study.closed",
  "export.created",
  "webhook.test",
] as const;

export type TWebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** What the admin screen calls each event. */
export const WEBHOOK_EVENT_LABELS: Record<TWebhookEventType, string> = {
  "seed.approved": "Seed approved",
  "campaign.closed": "Audit campaign closed",
  "study.closed": "Study closed",
  "export.created": "Export created",
  "webhook.test": "Test deliveries (sent by the “Send test” button whether subscribed or not)",
};

export type TWebhookEvent =
  | { type: "seed.approved"; data: { seedId: string; version: number } }
  | {
      type: "campaign.closed";
      data: { campaignId: string; datasetId: string; items: number; currentReviews: number };
    }
  | { type: "study.closed"; data: { studyId: string; comparisons: number; currentJudgements: number } }
  | {
      type: "export.created";
      data: { exportId: string; kind: string; rows: number; bytes: number; sha256: string };
    }
  | { type: "webhook.test"; data: { endpointId: string } };

/** The JSON body of a delivery: the envelope receivers read, with the delivery id to deduplicate by. */
export function deliveryBody(d: { id: string; event: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: d.id, type: d.event, createdAt: d.createdAt.toISOString(), data: d.data });
}
