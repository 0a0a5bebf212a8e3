import { createHmac, timingSafeEqual } from "node:crypto";

// The signature scheme receivers verify (README, "Webhooks for pipelines"): HMAC-SHA256 under the
// endpoint's secret over `<timestamp>.<body>`, hex, sent as `sha256=<hex>`. The timestamp (Unix
// seconds, its own header) is inside the signed text, so a captured delivery replayed later fails
// the receiver's window check without the attacker being able to refresh it.

export const SIGNATURE_HEADER = "ClinReview-Signature";
export const TIMESTAMP_HEADER = "ClinReview-Timestamp";
export const DELIVERY_HEADER = "ClinReview-Delivery";
export const EVENT_HEADER = "ClinReview-Event";
/** What the README tells receivers to accept: a timestamp at most this far from their clock. */
export const REPLAY_WINDOW_SECONDS = 300;

export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** A receiver's check, used by the tests as a pipeline would: signature and replay window. */
export function verifySignature(args: {
  secret: string;
  timestamp: string;
  body: string;
  signature: string;
  nowSeconds: number;
  windowSeconds?: number;
}): boolean {
  const ts = Number(args.timestamp);
  if (!Number.isInteger(ts)) return false;
  if (Math.abs(args.nowSeconds - ts) > (args.windowSeconds ?? REPLAY_WINDOW_SECONDS)) return false;
  const expected = Buffer.from(signPayload(args.secret, ts, args.body));
  const given = Buffer.from(args.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
