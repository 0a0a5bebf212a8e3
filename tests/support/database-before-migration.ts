// A throwaway database with every migration before the named one applied, for tests that write
// rows the old way and then run the migration on them.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { expect } from "vitest";
import { applyMigrations, readMigrationsList } from "../../scripts/support/schema-engine";
import { createDatabase, dropDatabase } from "./pg-cluster";
import { testDatabaseUrl } from "./db";

export type TCleanups = (() => Promise<void> | void)[];

/**
 * `migration` is the directory name without its timestamp. Returns a connected client, and
 * `applyTarget()`, which applies that migration alone and answers the directory names it applied,
 * and `applyRest()`, which applies every later one too. What needs
 * undoing is pushed onto `cleanups`.
 */
export async function databaseBeforeMigration(migration: string, cleanups: TCleanups) {
  const all = readMigrationsList().migrationDirectories.map((d) => d.path);
  const mine = all.findIndex((p) => p.endsWith(`_${migration}`));
  expect(mine).toBeGreaterThan(0);
  // A project root holding only the migrations before this one.
  const root = mkdtempSync(path.join(tmpdir(), "clinreview-mig-"));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  for (const dir of all.slice(0, mine))
    cpSync(path.join("prisma", "migrations", dir), path.join(root, "prisma", "migrations", dir), {
      recursive: true,
    });
  cpSync(
    path.join("prisma", "migrations", "migration_lock.toml"),
    path.join(root, "prisma", "migrations", "migration_lock.toml"),
  );
  // The engine's WebAssembly module is resolved from the project root.
  symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"), "dir");

  const url = await createDatabase(testDatabaseUrl(), "clinreview_mig");
  cleanups.push(() => dropDatabase(url));
  expect(await applyMigrations(url, { projectRoot: root })).toHaveLength(mine);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  cleanups.push(() => client.end());
  const target = all[mine] as string;
  // Only the target: a later migration's own pre-checks (…_integrity_constraints refuses orphan
  // references) must not judge the rows a test wrote for this one.
  const applyTarget = () => {
    cpSync(path.join("prisma", "migrations", target), path.join(root, "prisma", "migrations", target), {
      recursive: true,
    });
    return applyMigrations(url, { projectRoot: root });
  };
  return { client, url, target, applyTarget, applyRest: () => applyMigrations(url) };
}
