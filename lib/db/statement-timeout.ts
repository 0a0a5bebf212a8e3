import "server-only";
import { log } from "@/lib/log/logger";
import { db, type TTx } from "./prisma";
import type { TStatementTimeoutExemption } from "./timeout-options";

/**
 * Lifts the statement timeouts for the rest of this transaction: the named exemptions of
 * lib/db/timeout-options.ts (imports and exports), whose statements may legitimately run longer
 * than a request's. Call it first in the transaction. Backups and migrations run on connections
 * of their own, outside the app's pool, and never had the timeouts.
 */
export async function withoutStatementTimeout(tx: TTx, reason: TStatementTimeoutExemption): Promise<void> {
  log.debug("statement timeout lifted", { reason });
  // The pool recognises this exact text (EXEMPT_STATEMENT_SQL, isExemptStatement); the
  // integration test tests/integration/platform-db-timeouts.test.ts fails if the two part.
  await tx.$executeRaw`SET LOCAL statement_timeout = 0`;
}

/**
 * For exempt statements that have no transaction of their own (an import's batch insert, an
 * export's page): runs them in one that lifts the timeouts. Its own limit is Prisma's transaction
 * timeout, generous here, since the work is long by nature.
 */
export function runWithoutStatementTimeout<T>(
  reason: TStatementTimeoutExemption,
  fn: (tx: TTx) => Promise<T>,
): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await withoutStatementTimeout(tx, reason);
      return fn(tx);
    },
    { maxWait: 10_000, timeout: 600_000 },
  );
}
