import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signPayload, verifySignature } from "./signature";

const body = JSON.stringify({ id: "d1", type: "webhook.test", data: { endpointId: "e1" } });

describe("webhook signatures", () => {
  it("are HMAC-SHA256 over `timestamp.body`, hex, as the README's receivers compute them", () => {
    const expected = createHmac("sha256", "s3cret").update(`1700000000.${body}`).digest("hex");
    expect(signPayload("s3cret", 1700000000, body)).toBe(`sha256=${expected}`);
  });

  it("verify within the replay window and fail outside it, on another body, secret or timestamp", () => {
    const sig = signPayload("s3cret", 1700000000, body);
    const ok = { secret: "s3cret", timestamp: "1700000000", body, signature: sig, nowSeconds: 1700000100 };
    expect(verifySignature(ok)).toBe(true);
    expect(verifySignature({ ...ok, nowSeconds: 1700000000 + 301 })).toBe(false);
    expect(verifySignature({ ...ok, body: body.replace("e1", "e2") })).toBe(false);
    expect(verifySignature({ ...ok, secret: "other" })).toBe(false);
    // A replay with a fresh timestamp header but the old signature.
    expect(verifySignature({ ...ok, timestamp: "1700000100" })).toBe(false);
    expect(verifySignature({ ...ok, timestamp: "soon" })).toBe(false);
  });
});
