import { WebhooksAdmin } from "@/components/webhooks/webhooks-admin";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  await requirePagePermission("webhooks:manage", "/admin/webhooks");
  const initial = await listWebhooks();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Webhooks</h1>
      <p className="max-w-prose text-sm text-muted">
        Pipelines are told when a seed is approved, a campaign or study closes, or an export is made. Each
        delivery is signed JSON with ids and counts only, retried until the receiver answers 2xx. The README
        shows receivers how to verify it.
      </p>
      <WebhooksAdmin initial={initial} />
    </div>
  );
}
