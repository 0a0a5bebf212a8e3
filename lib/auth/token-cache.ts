// What API-token authentication needs of a token, kept per process (lib/auth/token-cache-process.ts
// runs it behind a LISTEN connection). Pure: no database, no clock of its own.
import type { Role } from "@/lib/generated/prisma/enums";

export type TCachedToken = {
  tokenId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
  isDemo: boolean;
  /** Epoch ms, or null for a token that never expires. */
  expiresAt: number | null;
  lastUsedAt: number | null;
  /** When the row was read (epoch ms): the safety TTL counts from here. */
  readAt: number;
};

export type TTokenCacheLimits = { maxEntries: number; ttlMs: number };

/**
 * A bounded LRU map of token hash → the token's answer, with a generation counter: every
 * invalidation bumps it, and a fill whose read began under an older generation is dropped. So a
 * read that raced a revocation (its row read before the commit, its fill after the notification)
 * never stores the stale answer. Invalidations are rare (revocations, user changes), so dropping
 * every concurrent fill costs nothing that matters.
 */
export class TokenCache {
  private readonly entries = new Map<string, TCachedToken>();
  private gen = 0;

  constructor(private readonly limits: TTokenCacheLimits) {}

  get generation(): number {
    return this.gen;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The entry if present and younger than the TTL and not expired; refreshes its LRU place. */
  get(hash: string, now: number): TCachedToken | null {
    const entry = this.entries.get(hash);
    if (!entry) return null;
    if (now - entry.readAt >= this.limits.ttlMs || (entry.expiresAt !== null && entry.expiresAt <= now)) {
      this.entries.delete(hash);
      return null;
    }
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    return entry;
  }

  /** Stores `entry` unless anything was invalidated since `readGeneration`; evicts the least recent. */
  set(hash: string, entry: TCachedToken, readGeneration: number): boolean {
    if (readGeneration !== this.gen) return false;
    this.entries.delete(hash);
    this.entries.set(hash, entry);
    while (this.entries.size > this.limits.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return true;
  }

  /** Records a touch of lastUsedAt made by this process, so it is not repeated every request. */
  touched(hash: string, at: number): void {
    const entry = this.entries.get(hash);
    if (entry) entry.lastUsedAt = at;
  }

  forgetHash(hash: string): void {
    this.gen++;
    this.entries.delete(hash);
  }

  forgetToken(tokenId: string): void {
    this.gen++;
    for (const [hash, e] of this.entries) if (e.tokenId === tokenId) this.entries.delete(hash);
  }

  forgetUser(userId: string): void {
    this.gen++;
    for (const [hash, e] of this.entries) if (e.userId === userId) this.entries.delete(hash);
  }

  clear(): void {
    this.gen++;
    this.entries.clear();
  }

  /**
   * Applies one notification payload (the migration's triggers): `t:<token hash>`, `u:<user id>`
   * or `*` (a TRUNCATE). Anything else clears everything: an unknown payload must not be ignored.
   */
  apply(payload: string): void {
    if (payload.startsWith("t:")) this.forgetHash(payload.slice(2));
    else if (payload.startsWith("u:")) this.forgetUser(payload.slice(2));
    else this.clear();
  }
}
