import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import { env } from "@/lib/env";

const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

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

export type TLoginReservation = { throttled: true } | { throttled: false; attemptIds: bigint[] };

/**
 * Sign-in throttling with its state in PostgreSQL, so every app instance sees the same counts.
 * It is a sliding window, never a permanent lockout: failures older than the window stop counting.
 *
 * The attempt is recorded as a failure *before* the password is verified, under the per-account
 * and per-IP locks, so however many guesses arrive at once, at most the limit are ever evaluated.
 * A successful sign-in deletes its own rows again (releaseLoginAttempt).
 */
export async function reserveLoginAttempt(email: string, ip: string | null): Promise<TLoginReservation> {
  const e = env();
  const since = new Date(Date.now() - e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  return db().$transaction(async (tx) => {
    await lockRateKeys(tx, keys);
    // Sequential: a transaction is one connection, which runs one query at a time anyway.
    const perAccount = await tx.loginFailure.count({ where: { key: accountKey(email), createdAt: { gte: since } } });
    const perIp = ip ? await tx.loginFailure.count({ where: { key: ipKey(ip), createdAt: { gte: since } } }) : 0;
    if (perAccount >= e.LOGIN_MAX_FAILURES_PER_ACCOUNT || perIp >= e.LOGIN_MAX_FAILURES_PER_IP) return { throttled: true as const };
    // Keeps the table small without a scheduler: rows past the window can never count again.
    await tx.loginFailure.deleteMany({ where: { key: { in: keys }, createdAt: { lt: since } } });
    const rows = await tx.loginFailure.createManyAndReturn({ data: keys.map((key) => ({ key })), select: { id: true } });
    return { throttled: false as const, attemptIds: rows.map((r) => r.id) };
  });
}

/** After a successful sign-in: its reserved rows go, and so do the account's earlier failures. */
export async function releaseLoginAttempt(tx: TTx, email: string, attemptIds: bigint[]): Promise<void> {
  await tx.loginFailure.deleteMany({ where: { OR: [{ id: { in: attemptIds } }, { key: accountKey(email) }] } });
}
