import "server-only";
import { preparedName } from "./prepared-name";
import { pgPool } from "./prisma";

/**
 * One statement on the app's pg pool, outside any transaction, for the few per-request statements
 * of the hot path (token authentication, the Idempotency-Key marks). Prisma 7 spends about 0.3 ms
 * of CPU on a raw query and 0.7 ms on a model call beyond what pg needs (measured in-process), and
 * under saturation the app's CPU per request sets its latency. Same pool, timeouts and
 * unreachability noting as every Prisma query (lib/db/pool.ts). Timestamps without time zone must
 * be selected `AT TIME ZONE 'UTC'` (pg would read them as local time; Prisma reads them as UTC).
 * Run as a named prepared statement (lib/db/prepared-name.ts): `text` must be a fixed text.
 */
export async function rawRows<T>(text: string, values: unknown[]): Promise<{ rows: T[]; count: number }> {
  const r = await pgPool().query({ text, values, name: preparedName(text) });
  return { rows: r.rows as T[], count: r.rowCount ?? 0 };
}
