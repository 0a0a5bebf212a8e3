import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log/logger";
import { describeAllowedHosts } from "./allowed-hosts";
import { startWebhookWorker, type TWebhookWorker } from "./webhook-worker";

let worker: TWebhookWorker | undefined;

/** Called once per server process at boot: its delivery loop, when any destination is allowed. */
export function startWebhookDelivery(): void {
  if (worker) return;
  const allowed = env().WEBHOOK_ALLOWED_HOSTS;
  if (!allowed.length) return;
  worker = startWebhookWorker();
  log.info("webhook delivery started", { owner: worker.owner, allowedHosts: describeAllowedHosts(allowed) });
}
