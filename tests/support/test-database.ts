// A freshly migrated database for one test run: on DATABASE_URL's server when set (the role needs
// CREATEDB), else on a throwaway local cluster. Used by the Vitest global setup; the Playwright
// setup can use it the same way.
import { applyMigrations } from "../../scripts/support/schema-engine";
import { createDatabase, dropDatabase, startPgCluster, stopPgCluster, type PgCluster } from "./pg-cluster";

export interface TestDatabase {
  url: string;
  timings: { clusterMs: number; migrateMs: number };
  stop(): Promise<void>;
}

export async function startTestDatabase(prefix = "clinreview_test"): Promise<TestDatabase> {
  const external = process.env.DATABASE_URL || undefined;
  let cluster: PgCluster | null = null;
  const clusterStarted = performance.now();
  if (!external) cluster = await startPgCluster();
  const clusterMs = Math.round(performance.now() - clusterStarted);
  const serverUrl = external ?? cluster?.adminUrl ?? "";

  let url: string | null = null;
  const stop = async () => {
    try {
      if (external && url) await dropDatabase(url);
    } finally {
      if (cluster) await stopPgCluster(cluster);
    }
  };
  try {
    url = await createDatabase(serverUrl, prefix);
    const migrateStarted = performance.now();
    await applyMigrations(url);
    const migrateMs = Math.round(performance.now() - migrateStarted);
    return { url, timings: { clusterMs, migrateMs }, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}
