import { describe, expect, it } from "vitest";
import { AUTO_RETRIES, isTransient, RETRY_MAX_MS, retryDelayMs } from "./recovery";

describe("retryDelayMs", () => {
  it("doubles from one second, capped, and gives up after the last automatic retry", () => {
    expect([0, 1, 2, 3].map((n) => retryDelayMs(n))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(4)).toBe(RETRY_MAX_MS);
    expect(retryDelayMs(AUTO_RETRIES)).toBeNull();
    expect(retryDelayMs(3, 1000, 5000, 10)).toBe(5000);
  });
  it("refuses nonsense attempts", () => {
    expect(retryDelayMs(-1)).toBeNull();
    expect(retryDelayMs(1.5)).toBeNull();
  });
});

describe("isTransient", () => {
  it("retries no answer and server failures, never a refusal", () => {
    for (const s of [null, 408, 429, 500, 502, 503]) expect(isTransient(s)).toBe(true);
    for (const s of [400, 401, 403, 404, 409, 422]) expect(isTransient(s)).toBe(false);
  });
});
