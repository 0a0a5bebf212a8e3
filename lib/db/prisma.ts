import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { createAppPool } from "./pool";
import { poolTimeouts } from "./timeout-options";

export type TPrisma = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as {
  clinreviewPrisma?: PrismaClient;
  clinreviewPool?: pg.Pool;
};

/** Marks the error so a page's error screen (which sees only the digest) can say what happened. */
function markUnavailable(err: unknown): unknown {
  if (err instanceof Error && isDatabaseUnavailable(err))
    Object.assign(err, { digest: DATABASE_UNAVAILABLE_DIGEST });
  return err;
}

function createClient(): PrismaClient {
  const e = env();
  // The timeouts (lib/db/timeout-options.ts) bound every wait on the database, so a frozen or
  // stopped server answers 503 instead of hanging requests; health checks still answer within 5 s.
  const pool = createAppPool({
    connectionString: e.DATABASE_URL,
    max: e.DATABASE_POOL_SIZE,
    ...poolTimeouts(e),
  });
  globalForPrisma.clinreviewPool = pool;
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  // Only marks errors: the extended client has the same shape, so it is typed as the plain one.
  return client.$extends({
    query: {
      async $allOperations({ args, query }): Promise<unknown> {
        try {
          return (await query(args)) as unknown;
        } catch (err) {
          throw markUnavailable(err);
        }
      },
    },
  }) as unknown as PrismaClient;
}

/** The one Prisma client of the process (kept on globalThis so dev reloads reuse the pool). */
export function db(): PrismaClient {
  globalForPrisma.clinreviewPrisma ??= createClient();
  return globalForPrisma.clinreviewPrisma;
}

/**
 * The pool under db(), for the few writes Prisma cannot make: COPY FROM STDIN (dataset import).
 * Same connections, timeouts and limits as every query of the app.
 */
export function pgPool(): pg.Pool {
  db();
  return globalForPrisma.clinreviewPool as pg.Pool;
}
