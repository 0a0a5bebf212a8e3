import { describe, expect, it } from "vitest";
import { TokenCache, type TCachedToken } from "./token-cache";

const entry = (over: Partial<TCachedToken> = {}): TCachedToken => ({
  tokenId: "tok-1",
  userId: "user-1",
  email: "a@b.test",
  name: "A",
  role: "CLINICIAN",
  isDemo: false,
  expiresAt: null,
  lastUsedAt: null,
  readAt: 1_000,
  ...over,
});

describe("TokenCache", () => {
  it("answers a stored entry until the safety TTL from its read, then forgets it", () => {
    const c = new TokenCache({ maxEntries: 10, ttlMs: 500 });
    expect(c.set("h1", entry(), c.generation)).toBe(true);
    expect(c.get("h1", 1_499)?.tokenId).toBe("tok-1");
    expect(c.get("h1", 1_500)).toBeNull();
    expect(c.size).toBe(0);
  });

  it("never answers a token past its own expiry", () => {
    const c = new TokenCache({ maxEntries: 10, ttlMs: 60_000 });
    c.set("h1", entry({ expiresAt: 1_200 }), c.generation);
    expect(c.get("h1", 1_199)).not.toBeNull();
    expect(c.get("h1", 1_200)).toBeNull();
  });

  it("evicts the least recently used entry beyond its bound", () => {
    const c = new TokenCache({ maxEntries: 2, ttlMs: 60_000 });
    c.set("h1", entry({ tokenId: "1" }), c.generation);
    c.set("h2", entry({ tokenId: "2" }), c.generation);
    expect(c.get("h1", 1_000)).not.toBeNull(); // h2 is now the least recent
    c.set("h3", entry({ tokenId: "3" }), c.generation);
    expect(c.size).toBe(2);
    expect(c.get("h2", 1_000)).toBeNull();
    expect(c.get("h1", 1_000)?.tokenId).toBe("1");
    expect(c.get("h3", 1_000)?.tokenId).toBe("3");
  });

  it("drops a fill whose read began before an invalidation (the read may predate the commit)", () => {
    const c = new TokenCache({ maxEntries: 10, ttlMs: 60_000 });
    const before = c.generation;
    c.apply("t:other-hash");
    expect(c.set("h1", entry(), before)).toBe(false);
    expect(c.get("h1", 1_000)).toBeNull();
    expect(c.set("h1", entry(), c.generation)).toBe(true);
  });

  it("applies the triggers' payloads: a token hash, a user's tokens, everything", () => {
    const c = new TokenCache({ maxEntries: 10, ttlMs: 60_000 });
    c.set("h1", entry({ tokenId: "1", userId: "u1" }), c.generation);
    c.set("h2", entry({ tokenId: "2", userId: "u1" }), c.generation);
    c.set("h3", entry({ tokenId: "3", userId: "u2" }), c.generation);
    c.set("h4", entry({ tokenId: "4", userId: "u3" }), c.generation);
    c.apply("t:h3");
    expect(c.get("h3", 1_000)).toBeNull();
    c.apply("u:u1");
    expect([c.get("h1", 1_000), c.get("h2", 1_000)]).toEqual([null, null]);
    expect(c.get("h4", 1_000)).not.toBeNull();
    c.apply("*");
    expect(c.size).toBe(0);
    c.set("h5", entry(), c.generation);
    c.apply("something new");
    expect(c.size).toBe(0);
  });

  it("forgets by token id for the revoking path, and records this process's touch", () => {
    const c = new TokenCache({ maxEntries: 10, ttlMs: 60_000 });
    c.set("h1", entry({ tokenId: "1" }), c.generation);
    c.set("h2", entry({ tokenId: "2" }), c.generation);
    c.touched("h2", 5_000);
    expect(c.get("h2", 5_001)?.lastUsedAt).toBe(5_000);
    c.forgetToken("1");
    expect(c.get("h1", 1_000)).toBeNull();
    expect(c.get("h2", 1_000)).not.toBeNull();
  });
});
