import "server-only";
import { db, type TPrisma } from "@/lib/db/prisma";
import { env, type TEnv } from "@/lib/env";
import { productionRefusals } from "@/lib/boot/production-guards";
import { log } from "@/lib/log/logger";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * True only for the demo database `npm start` sets up when DATABASE_URL is unset: PGlite served on
 * a loopback port. CLINREVIEW_EMBEDDED=1 alone proves nothing (anyone can set it next to a real
 * DATABASE_URL), but a real PostgreSQL server cannot answer pg_catalog.version() with PGlite's
 * WebAssembly build string.
 */
export async function isEmbeddedDatabase(
  databaseUrl: string,
  client: Pick<TPrisma, "$queryRaw">,
): Promise<boolean> {
  let host: string;
  try {
    host = new URL(databaseUrl).hostname;
  } catch {
    return false;
  }
  if (!LOOPBACK.has(host)) return false;
  const rows = await client.$queryRaw<{ v: string }[]>`SELECT pg_catalog.version() AS v`;
  return /\(PGlite [^)]*\) on wasm32/.test(rows[0]?.v ?? "");
}

/** The production refusals for this process's configuration and database (throws when it is unreachable). */
export async function checkProductionBoot(e: TEnv = env(), client: TPrisma = db()): Promise<string[]> {
  const config = { secret: e.NEXTAUTH_SECRET, publicUrl: e.NEXTAUTH_URL };
  // Configuration problems are reported even while the database is down.
  if (!e.CLINREVIEW_EMBEDDED) {
    const refusals = productionRefusals({ embedded: false, ...config, demoAccounts: 0 });
    if (refusals.length > 0) return refusals;
  }
  const embedded = e.CLINREVIEW_EMBEDDED && (await isEmbeddedDatabase(e.DATABASE_URL, client));
  if (e.CLINREVIEW_EMBEDDED && !embedded) {
    log.warn(
      "CLINREVIEW_EMBEDDED=1 ignored: DATABASE_URL is not the embedded demo database, so the production checks apply",
    );
  }
  const demoAccounts = embedded ? 0 : await client.user.count({ where: { isDemo: true } });
  return productionRefusals({ embedded, ...config, demoAccounts });
}
