import "server-only";
import { db, type TTx } from "@/lib/db/prisma";
import { env } from "@/lib/env";

const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;

/**
 * Sign-in throttling with its state in PostgreSQL, so every app instance sees the same counts.
 * It is a sliding window, never a permanent lockout: failures older than the window stop counting.
 */
export async function isLoginThrottled(email: string, ip: string | null): Promise<boolean> {
  const e = env();
  const since = new Date(Date.now() - e.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  const [perAccount, perIp] = await Promise.all([
    db().loginFailure.count({ where: { key: accountKey(email), createdAt: { gte: since } } }),
    ip ? db().loginFailure.count({ where: { key: ipKey(ip), createdAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  return perAccount >= e.LOGIN_MAX_FAILURES_PER_ACCOUNT || perIp >= e.LOGIN_MAX_FAILURES_PER_IP;
}

export async function recordLoginFailure(tx: TTx, email: string, ip: string | null): Promise<void> {
  const keys = [accountKey(email), ...(ip ? [ipKey(ip)] : [])];
  await tx.loginFailure.createMany({ data: keys.map((key) => ({ key })) });
  // Keeps the table small without a scheduler: rows past the window can never count again.
  const stale = new Date(Date.now() - env().LOGIN_FAILURE_WINDOW_MINUTES * 60_000);
  await tx.loginFailure.deleteMany({ where: { key: { in: keys }, createdAt: { lt: stale } } });
}

export async function clearAccountFailures(tx: TTx, email: string): Promise<void> {
  await tx.loginFailure.deleteMany({ where: { key: accountKey(email) } });
}
