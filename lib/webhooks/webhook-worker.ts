import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { env } from "@/lib/env";
import { describeError, log } from "@/lib/log/logger";
import type { TAllowedHost } from "./allowed-hosts";
import { claimDueDeliveries, type TClaimedDelivery } from "./claim-deliveries";
import { completeDelivery } from "./complete-delivery";
import { DELIVERY_POLICY, type TDeliveryPolicy } from "./delivery-policy";
import { deliveryBody } from "./events";
import { pruneDeliveries } from "./prune-deliveries";
import { sendWebhook } from "./send-webhook";
import { DELIVERY_HEADER, EVENT_HEADER, signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "./signature";

export type TWorkerOptions = {
  /** Names this worker's leases; unique per worker (process id and a random part by default). */
  owner?: string;
  /** The allowlist; the configured WEBHOOK_ALLOWED_HOSTS by default, read at every send. */
  allowed?: () => TAllowedHost[];
  policy?: Partial<TDeliveryPolicy>;
  /** Deliveries claimed (and sent concurrently) per round. */
  batch?: number;
  /** The pause when a round found less than a full batch. */
  pollMs?: number;
  random?: () => number;
  /** Finished deliveries older than this are pruned (WEBHOOK_DELIVERY_RETENTION_DAYS by default). */
  retentionDays?: number;
  /** How often the loop prunes (first in its first round). */
  pruneEveryMs?: number;
};

type TResolved = Required<Omit<TWorkerOptions, "policy">> & { policy: TDeliveryPolicy };

function resolve(o: TWorkerOptions): TResolved {
  return {
    owner: o.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    allowed: o.allowed ?? (() => env().WEBHOOK_ALLOWED_HOSTS),
    policy: { ...DELIVERY_POLICY, ...o.policy },
    batch: o.batch ?? 10,
    pollMs: o.pollMs ?? 2_000,
    random: o.random ?? Math.random,
    retentionDays: o.retentionDays ?? env().WEBHOOK_DELIVERY_RETENTION_DAYS,
    pruneEveryMs: o.pruneEveryMs ?? 10 * 60_000,
  };
}

async function deliver(o: TResolved, d: TClaimedDelivery) {
  const body = deliveryBody(d);
  // Signed at each attempt: the timestamp is the send time, which the receiver's window checks.
  const timestamp = Math.floor(Date.now() / 1000);
  const outcome = await sendWebhook({
    url: d.url,
    allowed: o.allowed(),
    body,
    timeoutMs: o.policy.timeoutMs,
    maxResponseBytes: o.policy.maxResponseBytes,
    headers: {
      "content-type": "application/json",
      "user-agent": "ClinReview-Webhooks/1",
      [DELIVERY_HEADER]: d.id,
      [EVENT_HEADER]: d.event,
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signPayload(d.secret, timestamp, body),
    },
  });
  return completeDelivery(o.owner, d, outcome, o.policy, o.random);
}

/** One round: claim what is due and send it. Returns how many deliveries it handled. */
export async function runWebhookRound(options: TWorkerOptions = {}): Promise<number> {
  const o = resolve(options);
  return roundOf(o);
}

async function roundOf(o: TResolved): Promise<number> {
  const claimed = await claimDueDeliveries(o.owner, o.batch, o.policy.leaseMs);
  await Promise.all(claimed.map((d) => deliver(o, d)));
  return claimed.length;
}

export type TWebhookWorker = { owner: string; stop: () => Promise<void> };

/**
 * The delivery loop of one process. All state is in the database (outbox rows and their leases),
 * so a restart loses nothing: a delivery whose worker died mid-send is due again when its lease
 * lapses, and any number of workers share the outbox without sending a row twice.
 */
export function startWebhookWorker(options: TWorkerOptions = {}): TWebhookWorker {
  const o = resolve(options);
  let stopped = false;
  let wake: (() => void) | undefined;
  const pause = (ms: number) =>
    new Promise<void>((r) => {
      const t = setTimeout(r, ms);
      t.unref?.();
      wake = () => {
        clearTimeout(t);
        r();
      };
    });
  let prunedAt = 0;
  const loop = (async () => {
    while (!stopped) {
      try {
        // The outbox would otherwise grow by every event forever.
        if (Date.now() - prunedAt >= o.pruneEveryMs) {
          prunedAt = Date.now();
          const pruned = await pruneDeliveries(o.retentionDays);
          if (pruned) log.info("webhook deliveries pruned", { pruned, retentionDays: o.retentionDays });
        }
        const n = await roundOf(o);
        if (n < o.batch && !stopped) await pause(o.pollMs);
      } catch (err) {
        // The database may be away (boot checks retry it); try again later, never crash the server.
        log.warn("webhook delivery round failed", describeError(err));
        if (!stopped) await pause(o.pollMs * 5);
      }
    }
  })();
  return {
    owner: o.owner,
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
