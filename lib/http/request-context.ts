import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";

export type TRequestContext = { requestId: string; ip: string | null; userAgent: string | null };

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Next's server appends the socket address to X-Forwarded-For, so its last entry is the peer.
 * Behind a trusted load balancer (TRUST_PROXY=1) the first entry is the client.
 */
export function clientIp(h: Headers): string | null {
  const xff = h.get("x-forwarded-for");
  if (!xff) return h.get("x-real-ip");
  const parts = xff.split(",").map((p) => p.trim()).filter(Boolean);
  const ip = env().TRUST_PROXY ? parts[0] : parts[parts.length - 1];
  return ip ? ip.replace(/^::ffff:/, "") : null;
}

export function contextFromHeaders(h: Headers): TRequestContext {
  const given = h.get("x-request-id");
  return {
    requestId: given && REQUEST_ID.test(given) ? given : randomUUID(),
    ip: clientIp(h),
    userAgent: h.get("user-agent")?.slice(0, 300) ?? null,
  };
}

/** For server actions and server components. */
export async function currentRequestContext(): Promise<TRequestContext> {
  return contextFromHeaders(await headers());
}
