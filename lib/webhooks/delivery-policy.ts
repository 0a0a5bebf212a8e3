import type { TBackoff } from "./backoff";

// How hard the worker tries. Constants, not settings: a receiver down for a few hours still gets
// every event (12 attempts span 4 to 5 hours), and an endpoint that has failed 20 times in a row
// is disabled (audited) until an admin enables it again.

export type TDeliveryPolicy = {
  backoff: TBackoff;
  /** Attempts per delivery before it is marked FAILED. */
  maxAttempts: number;
  /** Failed attempts in a row (any delivery) after which the endpoint is disabled. */
  disableAfterFailures: number;
  /** Per request: connect, send and the answer's headers and body. */
  timeoutMs: number;
  /** Bytes of a receiver's answer read at most; the rest is not waited for. */
  maxResponseBytes: number;
  /** How long a claimed delivery is held; longer than timeoutMs so a live send never loses it. */
  leaseMs: number;
};

export const DELIVERY_POLICY: TDeliveryPolicy = {
  backoff: { baseMs: 30_000, capMs: 60 * 60_000 },
  maxAttempts: 12,
  disableAfterFailures: 20,
  timeoutMs: 10_000,
  maxResponseBytes: 64 * 1024,
  leaseMs: 60_000,
};
