// Vitest global setup for the integration project: one migrated PostgreSQL database per run,
// handed to the tests as inject("databaseUrl").
import type { TestProject } from "vitest/node";
import { startTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await startTestDatabase();
  const { clusterMs, migrateMs } = database.timings;
  const where = process.env.DATABASE_URL
    ? "on DATABASE_URL's server"
    : `on a throwaway cluster (started in ${clusterMs} ms)`;
  console.log(`[integration] test database ${where}; migrations applied in ${migrateMs} ms`);
  project.provide("databaseUrl", database.url);
  return () => database.stop();
}
