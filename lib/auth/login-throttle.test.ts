import { describe, expect, it } from "vitest";
import { loginDecision } from "./login-throttle";

const limits = { maxPerPair: 5, slowAfterPerAccount: 20, maxPerIp: 30, maxDelayMs: 3_000 };

describe("loginDecision", () => {
  it("refuses the account and address pair from its 5th failure, and the address from its 30th", () => {
    expect(loginDecision({ pair: 4, account: 4, ip: 4 }, limits)).toEqual({ throttled: false, delayMs: 0 });
    expect(loginDecision({ pair: 5, account: 5, ip: 5 }, limits)).toEqual({ throttled: true });
    expect(loginDecision({ pair: 0, account: 0, ip: 30 }, limits)).toEqual({ throttled: true });
  });

  it("never refuses on the account's own count: past the ceiling it only slows down, doubling up to the cap", () => {
    expect(loginDecision({ pair: 0, account: 19, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 0 });
    expect(loginDecision({ pair: 0, account: 20, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 250 });
    expect(loginDecision({ pair: 0, account: 21, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 500 });
    expect(loginDecision({ pair: 0, account: 23, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 2_000 });
    expect(loginDecision({ pair: 0, account: 24, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 3_000 });
    expect(loginDecision({ pair: 0, account: 1_000_000, ip: 0 }, limits)).toEqual({ throttled: false, delayMs: 3_000 });
  });
});
