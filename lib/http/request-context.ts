import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { peerFromHeaders } from "@/lib/http/peer-address";
import { REQUEST_ID } from "@/lib/http/request-id";

export type TRequestContext = { requestId: string; ip: string | null; userAgent: string | null };

const normalise = (ip: string) => ip.replace(/^::ffff:/, "");

/**
 * The client address that sign-in and reset limits count and audit rows record.
 * - Default: the TCP peer, stamped by lib/http/peer-address.ts. X-Forwarded-For and X-Real-IP
 *   are ignored: Next passes a client's own X-Forwarded-For through untouched.
 * - TRUST_PROXY=1 (behind a load balancer that appends the address it saw): the last
 *   X-Forwarded-For entry, the one that proxy added. Earlier entries are whatever the client
 *   sent and are never trusted. Without the header (a direct connection) it is the peer.
 */
export function clientIp(h: Headers, trustProxy: boolean = env().TRUST_PROXY): string | null {
  if (trustProxy) {
    const parts = (h.get("x-forwarded-for") ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const last = parts[parts.length - 1];
    if (last) return normalise(last);
  }
  const peer = peerFromHeaders(h);
  return peer ? normalise(peer) : null;
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
