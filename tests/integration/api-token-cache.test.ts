// The per-process API-token cache (lib/auth/token-cache-process.ts) across instances: two caches,
// each with its own LISTEN connection, stand for two app instances. "A" is this process's own
// cache, the one the route handlers use; "B" is a second one, passed to authenticateApiToken as
// another instance would use its own. A change made through A's routes must be refused by B as soon
// as the commit's notification reaches B, and B must not serve the old answer after that.
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { authenticateApiToken, sha256Hex } from "@/lib/auth/api-tokens";
import { ListenedTokenCache, processTokenCache } from "@/lib/auth/token-cache-process";
import { db } from "@/lib/db/prisma";
import { changeRoleRoute, disableUserRoute } from "@/lib/users/admin-routes";
import { meRoute } from "@/lib/users/me-route";
import { revokeTokenRoute } from "@/lib/users/revoke-token-route";
import { apiCaller } from "../support/api-caller";
import { resetDatabase, testDatabaseUrl } from "../support/db";

type TQuery = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: TQuery };
const original = proto.query;
let statements = 0;

let a: ListenedTokenCache;
let b: ListenedTokenCache;
/** When B's listener received the notification the current test waits for (0: not yet). */
let arrivedAt = 0;
let awaited: (payload: string) => boolean = () => false;

beforeAll(() => {
  a = processTokenCache() as ListenedTokenCache;
  b = new ListenedTokenCache(testDatabaseUrl(), 4_000, { backoffMs: { first: 1_500, max: 1_500 } });
  const apply = b.cache.apply.bind(b.cache);
  b.cache.apply = (payload: string) => {
    if (!arrivedAt && awaited(payload)) arrivedAt = performance.now();
    apply(payload);
  };
});
beforeEach(async () => {
  await resetDatabase();
  expect(a).toBeInstanceOf(ListenedTokenCache);
  expect(await a.whenListening()).toBe(true);
  expect(await b.whenListening()).toBe(true);
  arrivedAt = 0;
  awaited = () => false;
  proto.query = function counted(this: unknown, ...args: unknown[]): unknown {
    statements++;
    return original.apply(this, args);
  };
});
afterEach(() => {
  proto.query = original;
});
afterAll(async () => {
  await b.stop();
  await db().$disconnect();
});

/** Statements sent to PostgreSQL while `fn` ran (any connection of this process). */
async function statementsOf<T>(fn: () => Promise<T>): Promise<{ value: T; statements: number }> {
  const before = statements;
  const value = await fn();
  return { value, statements: statements - before };
}

/**
 * Asks B until `refused` holds of its answer (2 s at most). Returns whether it did, and whether B
 * gave a not-yet-refused answer to a request begun after the notification reached B.
 */
async function pollB(
  token: string,
  refused: (answer: Awaited<ReturnType<typeof authenticateApiToken>>) => boolean,
) {
  const until = performance.now() + 2_000;
  let servedAfterNotification = false;
  while (performance.now() < until) {
    const notified = arrivedAt > 0;
    const answer = await authenticateApiToken(token, b);
    if (refused(answer)) return { refused: true, servedAfterNotification, notified: arrivedAt > 0 };
    if (notified) servedAfterNotification = true;
    await new Promise((r) => setTimeout(r, 1));
  }
  return { refused: false, servedAfterNotification, notified: arrivedAt > 0 };
}

/** A's listener drops what it hears until released (its notification arriving late). */
function holdBackNotificationsOnA(): () => void {
  a.cache.apply = () => undefined;
  return () => {
    Reflect.deleteProperty(a.cache, "apply");
  };
}

/** A caller whose token both instances have cached (B's second answer made no statement). */
async function cachedOnBoth(role: "CLINICIAN" | "RESEARCHER") {
  const me = await apiCaller(role);
  const hash = sha256Hex(me.token);
  expect((await me.call(meRoute, "/api/v1/me")).status).toBe(200);
  expect((await me.call(meRoute, "/api/v1/me")).status).toBe(200);
  expect(a.cache.get(hash, Date.now())?.userId).toBe(me.user.id);
  expect((await authenticateApiToken(me.token, b))?.id).toBe(me.user.id);
  const again = await statementsOf(() => authenticateApiToken(me.token, b));
  expect(again.value?.id).toBe(me.user.id);
  expect(again.statements).toBe(0);
  return { ...me, hash };
}

describe("API-token cache across instances", () => {
  it("a cached request makes no statement; an uncached one reads the token once", async () => {
    const me = await apiCaller("CLINICIAN");
    const first = await statementsOf(() => authenticateApiToken(me.token, b));
    // The read, and the lastUsedAt touch of a token never used.
    expect(first.statements).toBe(2);
    const second = await statementsOf(() => authenticateApiToken(me.token, b));
    expect(second.value?.id).toBe(me.user.id);
    expect(second.statements).toBe(0);
    // No cache (AUTH_TOKEN_CACHE=0, the embedded demo): one read every time.
    const uncached = await statementsOf(() => authenticateApiToken(me.token, null));
    expect(uncached.value?.id).toBe(me.user.id);
    expect(uncached.statements).toBe(1);
  });

  it("a token revoked through A's route is refused by A at once and by B on the notification", async () => {
    const me = await cachedOnBoth("CLINICIAN");
    const { id } = await db().apiToken.findFirstOrThrow({ where: { userId: me.user.id } });
    awaited = (p) => p === `t:${me.hash}`;
    // A's own notifications held back: the refusal below must come from the revoking path itself.
    const release = holdBackNotificationsOnA();
    const revoked = await me.call(revokeTokenRoute, `/api/v1/tokens/${id}`, {
      method: "DELETE",
      params: { id },
    });
    expect(revoked.status).toBe(204);
    // A: its own path forgot the entry after the commit, before answering.
    expect(a.cache.get(me.hash, Date.now())).toBeNull();
    expect((await me.call(meRoute, "/api/v1/me")).status).toBe(401);
    release();
    const onB = await pollB(me.token, (answer) => answer === null);
    expect(onB).toEqual({ refused: true, servedAfterNotification: false, notified: true });
  });

  it("a user disabled through A's route is refused by B on the notification", async () => {
    const admin = await apiCaller("ADMIN");
    const me = await cachedOnBoth("RESEARCHER");
    awaited = (p) => p === `u:${me.user.id}` || p === `t:${me.hash}`;
    const release = holdBackNotificationsOnA();
    const disabled = await admin.call(disableUserRoute, `/api/v1/users/${me.user.id}/disable`, {
      method: "POST",
      params: { id: me.user.id },
    });
    expect(disabled.status).toBe(204);
    expect((await me.call(meRoute, "/api/v1/me")).status).toBe(401);
    release();
    const onB = await pollB(me.token, (answer) => answer === null);
    expect(onB).toEqual({ refused: true, servedAfterNotification: false, notified: true });
  });

  it("a role changed through A's route is B's answer from the notification on", async () => {
    const admin = await apiCaller("ADMIN");
    const me = await cachedOnBoth("RESEARCHER");
    awaited = (p) => p === `u:${me.user.id}`;
    const changed = await admin.call(changeRoleRoute, `/api/v1/users/${me.user.id}/role`, {
      method: "PUT",
      params: { id: me.user.id },
      body: { role: "CLINICIAN" },
    });
    expect(changed.status).toBe(204);
    expect((await authenticateApiToken(me.token))?.role).toBe("CLINICIAN");
    const onB = await pollB(me.token, (answer) => answer?.role === "CLINICIAN");
    expect(onB).toEqual({ refused: true, servedAfterNotification: false, notified: true });
  });

  it("a lost LISTEN connection bypasses the cache until it is back, emptied", async () => {
    const me = await cachedOnBoth("CLINICIAN");
    const other = await cachedOnBoth("CLINICIAN");
    const pid = b.listener.backendPid;
    expect(pid).not.toBeNull();
    await db().$executeRaw`SELECT pg_terminate_backend(${pid}::int)`;
    const until = Date.now() + 2_000;
    while (b.usable && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    expect(b.usable).toBe(false);
    // Revoked while B cannot hear it: its notification is lost to B.
    await db().apiToken.updateMany({ where: { userId: me.user.id }, data: { revokedAt: new Date() } });
    expect(await authenticateApiToken(me.token, b)).toBeNull();
    // A still valid token is read again (its entry is not used): one statement.
    const bypassed = await statementsOf(() => authenticateApiToken(other.token, b));
    expect(bypassed.value?.id).toBe(other.user.id);
    expect(bypassed.statements).toBe(1);
    expect(b.usable).toBe(false);
    // Back (after the 1.5 s backoff), emptied: the revoked token stays refused, the valid one is cached again.
    expect(await b.whenListening(10_000)).toBe(true);
    expect(b.listener.backendPid).not.toBe(pid);
    expect(b.cache.size).toBe(0);
    expect(await authenticateApiToken(me.token, b)).toBeNull();
    expect((await authenticateApiToken(other.token, b))?.id).toBe(other.user.id);
    const cached = await statementsOf(() => authenticateApiToken(other.token, b));
    expect(cached.value?.id).toBe(other.user.id);
    expect(cached.statements).toBe(0);
  });
});

describe("the listener notices a connection that stops answering", () => {
  it("a backend frozen without closing its socket (as behind a NAT timeout) counts as lost within a ping", async () => {
    const { NotifyListener } = await import("@/lib/db/notify-listener");
    const states: boolean[] = [];
    const listener = new NotifyListener({
      connectionString: testDatabaseUrl(),
      channel: "clinreview_ping_test",
      connectTimeoutMs: 500,
      pingMs: 200,
      backoffMs: { first: 60_000, max: 60_000 },
      onNotify: () => undefined,
      onListening: (listening) => states.push(listening),
    });
    listener.start();
    try {
      const deadline = Date.now() + 5_000;
      while (!listener.isListening && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      const pid = listener.backendPid;
      expect(pid).toBeGreaterThan(0);
      // The backend is frozen: its socket stays open, nothing answers (no error, no end event).
      process.kill(pid as number, "SIGSTOP");
      try {
        const until = Date.now() + 3_000;
        while (listener.isListening && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
        expect(listener.isListening).toBe(false);
        expect(states).toEqual([true, false]);
      } finally {
        process.kill(pid as number, "SIGCONT");
      }
    } finally {
      await listener.stop();
    }
  });
});
