import { describe, expect, it } from "vitest";
import { loginDecision, takeSlot } from "./login-throttle";

const limits = { maxPerPair: 5, slowAfterPerAccount: 20, maxPerIp: 30, maxDelayMs: 3_000 };

describe("loginDecision", () => {
  it("refuses the account and address pair from its 5th failure, and the address from its 30th", () => {
    expect(loginDecision({ pair: 4, account: 4, ip: 4 }, limits)).toEqual({ throttled: false, delayMs: 0 });
    expect(loginDecision({ pair: 5, account: 5, ip: 5 }, limits)).toEqual({ throttled: true });
    expect(loginDecision({ pair: 0, account: 0, ip: 30 }, limits)).toEqual({ throttled: true });
  });

  it("never refuses on the account's own count: past the ceiling it only slows down, doubling up to the cap", () => {
    expect(loginDecision({ pair: 0, account: 19, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 0 });
    expect(loginDecision({ pair: 0, account: 20, ip: 0 }, limits)).toEqual({
      throttled: false,
      delayMs: 250,
    });
    expect(loginDecision({ pair: 0, account: 21, ip: 0 }, limits)).toEqual({
      throttled: false,
      delayMs: 500,
    });
    expect(loginDecision({ pair: 0, account: 23, ip: 0 }, limits)).toEqual({
      throttled: false,
      delayMs: 2_000,
    });
    expect(loginDecision({ pair: 0, account: 24, ip: 0 }, limits)).toEqual({
      throttled: false,
      delayMs: 3_000,
    });
    expect(loginDecision({ pair: 0, account: 1_000_000, ip: 0 }, limits)).toEqual({
      throttled: false,
      delayMs: 3_000,
    });
  });

  it("an address the account signed in from recently skips the account's slowdown, but not the pair or address limits", () => {
    expect(loginDecision({ pair: 0, account: 1_000, ip: 0 }, limits, true)).toEqual({
      throttled: false,
      delayMs: 0,
    });
    expect(loginDecision({ pair: 4, account: 1_000, ip: 29 }, limits, true)).toEqual({
      throttled: false,
      delayMs: 0,
    });
    expect(loginDecision({ pair: 5, account: 0, ip: 0 }, limits, true)).toEqual({ throttled: true });
    expect(loginDecision({ pair: 0, account: 0, ip: 30 }, limits, true)).toEqual({ throttled: true });
  });
});

describe("takeSlot", () => {
  it("queues slowed attempts one after another: the second of two at once waits both delays", () => {
    expect(takeSlot(1_000, null, 250, 3_000)).toEqual({ refused: false, waitMs: 250, nextFreeAt: 1_250 });
    expect(takeSlot(1_000, 1_250, 500, 3_000)).toEqual({ refused: false, waitMs: 750, nextFreeAt: 1_750 });
    // A slot in the past is free: a lone attempt waits its own delay only.
    expect(takeSlot(9_000, 1_750, 500, 3_000)).toEqual({ refused: false, waitMs: 500, nextFreeAt: 9_500 });
  });

  it("refuses past four of the longest delays queued, and says when there is room again", () => {
    expect(takeSlot(0, 9_000, 3_000, 3_000)).toEqual({ refused: false, waitMs: 12_000, nextFreeAt: 12_000 });
    expect(takeSlot(0, 12_000, 3_000, 3_000)).toEqual({ refused: true, retryAfterMs: 3_000 });
    expect(takeSlot(3_000, 12_000, 3_000, 3_000)).toMatchObject({ refused: false, waitMs: 12_000 });
  });
});
