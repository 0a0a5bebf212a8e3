// Database helpers for integration tests, against the database the global setup migrated.
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import { PrismaClient } from "../../lib/generated/prisma/client";

let prisma: PrismaClient | undefined;

export function testDatabaseUrl(): string {
  return inject("databaseUrl");
}

/** One client per test file (Vitest isolates files), created on first use. */
export function getTestPrisma(): PrismaClient {
  prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: testDatabaseUrl() }) });
  return prisma;
}

export async function disconnectTestPrisma(): Promise<void> {
  const client = prisma;
  prisma = undefined;
  await client?.$disconnect();
}

/**
 * Empties every app table (all of schema public except `_prisma_migrations`) and restarts their
 * sequences. The table list is built on the server with format('%I') so no SQL is assembled here.
 *
 * The audit trail refuses TRUNCATE (migration …_audit_append_only). This reset is the one place
 * allowed past it, by setting clinreview.allow_audit_reset for its own transaction only
 * (set_config's `true`), so the setting never outlives the reset on a pooled connection; it opens
 * TRUNCATE only, never an UPDATE or DELETE of a row. The app never sets it (checked by
 * lib/audit/append-only.test.ts).
 */
export async function resetDatabase(client: PrismaClient = getTestPrisma()): Promise<void> {
  await client.$executeRaw`
    DO $$
    DECLARE tables text;
    BEGIN
      SELECT string_agg(format('%I.%I', schemaname, tablename), ', ') INTO tables
        FROM pg_tables
       WHERE schemaname = 'public' AND tablename <> '_prisma_migrations';
      IF tables IS NOT NULL THEN
        PERFORM set_config('clinreview.allow_audit_reset', 'on', true);
        EXECUTE 'TRUNCATE ' || tables || ' RESTART IDENTITY CASCADE';
      END IF;
    END
    $$`;
}
