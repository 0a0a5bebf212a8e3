import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { diffSchemaAgainstMigrations } from "../../scripts/support/schema-engine";
import { disconnectTestPrisma, getTestPrisma, resetDatabase, testDatabaseUrl } from "../support/db";

/** Table name of every model in prisma/schema.prisma (its @@map when present). */
function schemaTables(): string[] {
  const schema = readFileSync(path.join(process.cwd(), "prisma", "schema.prisma"), "utf8");
  const tables: string[] = [];
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, model = "", body = ""] = match;
    const mapped = /@@map\(\s*(?:name:\s*)?"([^"]+)"\s*\)/.exec(body)?.[1];
    tables.push(mapped ?? model);
  }
  return tables;
}

afterAll(disconnectTestPrisma);

describe("database migrations", () => {
  it("prisma/migrations produce exactly prisma/schema.prisma", async () => {
    const missing = await diffSchemaAgainstMigrations(testDatabaseUrl());
    expect(
      missing,
      "prisma/schema.prisma differs from prisma/migrations. Run `npm run db:migration -- <name>` and commit the new migration. SQL still missing:",
    ).toBe("");
  });

  it("creates a table for every model of the schema", async () => {
    const expected = schemaTables();
    expect(expected.length).toBeGreaterThan(0);
    const rows = await getTestPrisma().$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public'`;
    const actual = rows.map((row) => row.tablename);
    expect(actual).toEqual(expect.arrayContaining([...expected, "_prisma_migrations"]));
  });

  it("has applied every directory under prisma/migrations, and nothing else (an unapplied migration fails)", async () => {
    const root = path.join(process.cwd(), "prisma", "migrations");
    expect(readFileSync(path.join(root, "migration_lock.toml"), "utf8")).toContain('provider = "postgresql"');
    const directories = readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(directories.length).toBeGreaterThan(0);
    const rows = await getTestPrisma().$queryRaw<
      { migration_name: string; finished: boolean; rolled_back: boolean }[]
    >`
      SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
        FROM _prisma_migrations ORDER BY migration_name`;
    const applied = rows.filter((row) => row.finished && !row.rolled_back).map((row) => row.migration_name);
    expect(
      applied,
      "every migration directory is applied once, finished, and no applied migration lacks its directory",
    ).toEqual(directories);
  });

  it("resetDatabase empties app tables and keeps the migration history", async () => {
    const prisma = getTestPrisma();
    await prisma.loginFailure.create({ data: { key: "test" } });
    await resetDatabase(prisma);
    expect(await prisma.loginFailure.count()).toBe(0);
    const next = await prisma.loginFailure.create({ data: { key: "test" } });
    expect(next.id).toBe(1n);
    const [history] = await prisma.$queryRaw<
      { count: bigint }[]
    >`SELECT count(*) AS count FROM _prisma_migrations`;
    expect(history?.count).toBeGreaterThan(0n);
  });
});
