import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { db, type TTx } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { KNOWN_ADDRESS_DAYS, loginDecision, takeSlot } from "@/lib/auth/login-throttle";

const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
// An unknown address (no peer stamp) is one address: its failures still lock only that pair.
const pairKey = (email: string, ip: string | null) => `pair:${email.toLowerCase()}|${ip ?? "unknown"}`;
const ipKey = (ip: string) => `ip:${ip}`;
// One row per slowed account whose createdAt is the account's next free slot (a time to come).
const slotKey = (email: string) => `slot:${email.toLowerCase()}`;

/**
 * Serialises the check-then-record of rate-limited keys across requests and app instances:
 * without it, concurrent requests all count the same rows and all pass. Transaction-scoped, and
 * taken in sorted order so two requests sharing keys can never deadlock.
 */
export async function lockRateKeys(tx: TTx, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`clinreview.rate:${key}`}, 0))`;
  }
}

export type TLoginReservation =
  | { throttled: true; retryAfterSeconds?: number }
  | { throttled: false; attemptIds: bigint[]; delayMs: number };

/**
 * Sign-in throttling with its state in PostgreSQL, so every app instance sees the same counts.
 * A sliding window, never a permanent lockout: failures older than the window stop counting.
 * What the counts mean is lib/auth/login-throttle.ts: the account and address pair and the
 * address are refused, the account as a whole is only slowed, so a stranger cannot lock the
 * real user out.
 *
 * The attempt is recorded as a failure *before* the password is verified, under the locks, so
 * however many guesses arrive at once, at most the limit are ever evaluated per pair. A
 * successful sign-in deletes its rows again (releaseLoginAttempt).
 *
 * The account's delay is a rate: under the same locks each slowed attempt takes the account's next
 * free slot (stored as a row, so every instance shares it; see takeSlot), so parallel guesses from
 * many addresses run one delay apart instead of side by side, and past a bounded queue they are
 * refused with a retry time. The wait is slept after the locks are released (holding them would
 * queue even the address and pair checks behind a flood), and depends on the e-mail only, so
 * unknown and real accounts wait alike.
 *
 * An address the account signed in from recently skips the account's slowdown and its queue
 * (isKnownAddress; the pair and address limits still apply), so a flood from elsewhere cannot
 * keep the real user out. Read before the locks: it needs none, and holding the account's lock
 * for it would lengthen the flood's queue.
 */
export async function reserveLoginAttempt(email: string, ip: string | null): Promise<TLoginReservation> {
  const e = env();
  const since = new Date(Date.now() - e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  const knownAddress = await isKnownAddress(email, ip);
  const keys = [accountKey(email), pairKey(email, ip), ...(ip ? [ipKey(ip)] : [])];
  const reservation = await db().$transaction(async (tx): Promise<TLoginReservation> => {
    await lockRateKeys(tx, keys);
    // Sequential: a transaction is one connection, which runs one query at a time anyway.
    const count = (key: string) => tx.loginFailure.count({ where: { key, createdAt: { gte: since } } });
    const counts = {
      account: await count(accountKey(email)),
      pair: await count(pairKey(email, ip)),
      ip: ip ? await count(ipKey(ip)) : 0,
    };
    const decision = loginDecision(
      counts,
      {
        maxPerPair: e.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
        slowAfterPerAccount: e.LOGIN_SLOW_AFTER_FAILURES_PER_ACCOUNT,
        maxPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
        maxDelayMs: e.LOGIN_MAX_DELAY_MS,
      },
      knownAddress,
    );
    if (decision.throttled) return decision;
    const waitMs =
      decision.delayMs > 0
        ? await reserveSlot(tx, slotKey(email), decision.delayMs, e.LOGIN_MAX_DELAY_MS)
        : 0;
    if (typeof waitMs === "object") return waitMs;
    // Keeps the table small without a scheduler: rows past the window can never count again.
    await tx.loginFailure.deleteMany({ where: { key: { in: keys }, createdAt: { lt: since } } });
    const rows = await tx.loginFailure.createManyAndReturn({
      data: keys.map((key) => ({ key })),
      select: { id: true },
    });
    return { throttled: false, attemptIds: rows.map((r) => r.id), delayMs: waitMs };
  });
  if (!reservation.throttled && reservation.delayMs > 0) await sleep(reservation.delayMs);
  return reservation;
}

/**
 * Whether the account signed in successfully from this address within KNOWN_ADDRESS_DAYS. Read
 * from the audit trail's `auth.login` rows, which already carry the request's address: no new
 * state to keep or pseudonymise. A device cookie (OWASP's original) was not chosen: next-auth v4's
 * credentials authorize() cannot set a cookie on its answer, the My account password check shares
 * these counters without a sign-in form, and a cookie would be one more secret per browser to
 * issue, sign and revoke. An unknown peer (null) is never known: it is everyone behind no stamp.
 * The existing AuditLog (actorId, at) index bounds the read to this account's own recent rows.
 */
async function isKnownAddress(email: string, ip: string | null): Promise<boolean> {
  if (!ip) return false;
  const user = await db().user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
  if (!user) return false;
  const after = new Date(Date.now() - KNOWN_ADDRESS_DAYS * 86_400_000);
  const row = await db().auditLog.findFirst({
    where: { actorId: user.id, action: "auth.login", ip, at: { gte: after } },
    select: { id: true },
  });
  return row !== null;
}

/**
 * Takes the account's next free slot (the caller holds the account's advisory lock, so the read
 * and the write are one step for every instance). The milliseconds to wait, or the refusal.
 */
async function reserveSlot(
  tx: TTx,
  key: string,
  delayMs: number,
  maxDelayMs: number,
): Promise<number | { throttled: true; retryAfterSeconds: number }> {
  const slot = await tx.loginFailure.findFirst({ where: { key }, select: { id: true, createdAt: true } });
  const taken = takeSlot(Date.now(), slot?.createdAt.getTime() ?? null, delayMs, maxDelayMs);
  if (taken.refused) return { throttled: true, retryAfterSeconds: Math.ceil(taken.retryAfterMs / 1000) };
  const createdAt = new Date(taken.nextFreeAt);
  if (slot) await tx.loginFailure.update({ where: { id: slot.id }, data: { createdAt } });
  else await tx.loginFailure.create({ data: { key, createdAt } });
  return taken.waitMs;
}

/**
 * After a successful sign-in: its reserved rows go, and so do the earlier failures of this
 * account from this address. The account-wide failures stay: they may be a stranger's, and the
 * real user signing in must not reset the stranger's slowdown.
 */
export async function releaseLoginAttempt(
  tx: TTx,
  email: string,
  ip: string | null,
  attemptIds: bigint[],
): Promise<void> {
  await tx.loginFailure.deleteMany({
    where: { OR: [{ id: { in: attemptIds } }, { key: pairKey(email, ip) }] },
  });
}

/** A pseudonymised user's address must not survive in the counters: every key that holds it goes. */
export async function forgetAccountFailures(tx: TTx, email: string): Promise<void> {
  await tx.loginFailure.deleteMany({
    where: {
      OR: [
        { key: accountKey(email) },
        { key: slotKey(email) },
        { key: { startsWith: `pair:${email.toLowerCase()}|` } },
      ],
    },
  });
}
