import { afterEach, describe, expect, it, vi } from "vitest";
import { ensureBootChecked, resetBootGate, runBootChecks } from "./boot-gate";

afterEach(() => {
  resetBootGate();
  vi.useRealTimers();
});

const unreachable = () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:5432"));

describe("production boot checks", () => {
  it("refuse at once when the database answers with a reason", async () => {
    const refuse = vi.fn();
    expect(
      await runBootChecks({ check: () => Promise.resolve(["2 demo account(s)"]), refuse, retryMs: 1000 }),
    ).toEqual({ outcome: "refused" });
    expect(refuse).toHaveBeenCalledWith(["2 demo account(s)"]);
  });

  it("when the database is unreachable at boot, are re-run until they can be made, and refuse then", async () => {
    vi.useFakeTimers();
    const refuse = vi.fn();
    let answer: () => Promise<string[]> = unreachable;
    const check = vi.fn(() => answer());
    expect((await runBootChecks({ check, refuse, retryMs: 5000 })).outcome).toBe("unreachable");
    // Until they pass, nobody is authenticated.
    await expect(ensureBootChecked()).rejects.toThrow(/start-up checks have not passed/);
    await vi.advanceTimersByTimeAsync(5000);
    expect(check).toHaveBeenCalledTimes(3);
    expect(refuse).not.toHaveBeenCalled();
    // The database comes back, with demo accounts in it: the next retry refuses.
    answer = () => Promise.resolve(["3 demo account(s) exist in this database."]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(refuse).toHaveBeenCalledWith(["3 demo account(s) exist in this database."]);
    await expect(ensureBootChecked()).rejects.toThrow();
  });

  it("let requests through once a retry passes, and stop retrying", async () => {
    vi.useFakeTimers();
    const onPassed = vi.fn();
    let answer: () => Promise<string[]> = unreachable;
    const check = vi.fn(() => answer());
    await runBootChecks({ check, refuse: vi.fn(), retryMs: 5000, onPassed });
    answer = () => Promise.resolve([]);
    await expect(ensureBootChecked()).resolves.toBeUndefined();
    expect(onPassed).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(check).toHaveBeenCalledTimes(2);
    await expect(ensureBootChecked()).resolves.toBeUndefined();
  });

  it("gate nothing where they never ran (tests, CLI scripts)", async () => {
    await expect(ensureBootChecked()).resolves.toBeUndefined();
  });
});
