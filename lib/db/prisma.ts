import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type TPrisma = PrismaClient;
export type TTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { clinreviewPrisma?: PrismaClient };

function createClient(): PrismaClient {
  const e = env();
  const adapter = new PrismaPg({
    connectionString: e.DATABASE_URL,
    max: e.DATABASE_POOL_SIZE,
    // Health checks must answer 503 within 5 s when the database is gone.
    connectionTimeoutMillis: 4_000,
  });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of the process (kept on globalThis so dev reloads reuse the pool). */
export function db(): PrismaClient {
  globalForPrisma.clinreviewPrisma ??= createClient();
  return globalForPrisma.clinreviewPrisma;
}
