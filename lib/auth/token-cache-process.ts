import "server-only";
import { env } from "@/lib/env";
import { NotifyListener } from "@/lib/db/notify-listener";
import { TokenCache, type TTokenCacheLimits } from "./token-cache";

/** The channel the triggers of migration …_api_token_cache_notify notify. */
export const AUTH_CHANNEL = "clinreview_auth";

const LIMITS: TTokenCacheLimits = { maxEntries: 10_000, ttlMs: 30_000 };

/**
 * A token cache and the LISTEN connection that keeps it true. Used only while listening: before
 * the first LISTEN is answered and from a lost connection until the next LISTEN, `usable` is false
 * and authentication reads the row; each (re)start of listening empties the cache first, since
 * notifications sent meanwhile were lost.
 */
export class ListenedTokenCache {
  readonly cache: TokenCache;
  readonly listener: NotifyListener;

  constructor(
    connectionString: string,
    connectTimeoutMs: number,
    o: { limits?: TTokenCacheLimits; backoffMs?: { first: number; max: number } } = {},
  ) {
    this.cache = new TokenCache(o.limits ?? LIMITS);
    this.listener = new NotifyListener({
      connectionString,
      channel: AUTH_CHANNEL,
      connectTimeoutMs,
      backoffMs: o.backoffMs,
      onNotify: (payload) => this.cache.apply(payload),
      onListening: () => this.cache.clear(),
    });
    this.listener.start();
  }

  get usable(): boolean {
    return this.listener.isListening;
  }

  /** Resolves once listening (true) or after `timeoutMs` (false): for tests and benches. */
  async whenListening(timeoutMs = 5_000): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (!this.usable && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    return this.usable;
  }

  stop(): Promise<void> {
    this.cache.clear();
    return this.listener.stop();
  }
}

// On globalThis: the auth code runs in several bundles of one process, which must share one cache
// and one listening connection.
const KEY = Symbol.for("clinreview.tokenCache");
const g = globalThis as unknown as Record<symbol, ListenedTokenCache | null | undefined>;

/**
 * This process's token cache, started on first use; null when AUTH_TOKEN_CACHE is off or on the
 * embedded demo (PGlite: one process, and its socket server is no place for LISTEN).
 */
export function processTokenCache(): ListenedTokenCache | null {
  if (g[KEY] !== undefined) return g[KEY];
  const e = env();
  g[KEY] =
    e.AUTH_TOKEN_CACHE && !e.CLINREVIEW_EMBEDDED
      ? new ListenedTokenCache(e.DATABASE_URL, e.DATABASE_CONNECT_TIMEOUT_MS)
      : null;
  return g[KEY];
}

/**
 * Forgets this process's cached answers for a token or a user's tokens, called by the paths that
 * revoke, disable or change a user right after their commit: the caller's next request to this
 * instance must see the change even before the notification arrives (other instances rely on it).
 */
export function forgetCachedTokens(of: { tokenId: string } | { userId: string }): void {
  const c = g[KEY];
  if (!c) return;
  if ("tokenId" in of) c.cache.forgetToken(of.tokenId);
  else c.cache.forgetUser(of.userId);
}
