// The migration that adds Study.number and Study.title: studies created before it are numbered in
// order of creation and get the neutral title "Study N"; new ones continue the numbering.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrationsList } from "../../lib/db/schema-engine";
import { createDatabase, dropDatabase } from "../support/pg-cluster";
import { testDatabaseUrl } from "../support/db";

const MIGRATION = "study_title_and_holdback";
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("migration …_study_title_and_holdback", () => {
  it("numbers existing studies in order of creation and titles them “Study N”; started ones keep showing what they showed", async () => {
    const all = readMigrationsList().migrationDirectories.map((d) => d.path);
    const mine = all.findIndex((p) => p.endsWith(`_${MIGRATION}`));
    expect(mine).toBeGreaterThan(0);
    // A project root holding only the migrations before this one.
    const root = mkdtempSync(path.join(tmpdir(), "clinreview-mig-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    for (const dir of all.slice(0, mine)) cpSync(path.join("prisma", "migrations", dir), path.join(root, "prisma", "migrations", dir), { recursive: true });
    cpSync(path.join("prisma", "migrations", "migration_lock.toml"), path.join(root, "prisma", "migrations", "migration_lock.toml"));
    // The engine's WebAssembly module is resolved from the project root.
    symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"), "dir");

    const url = await createDatabase(testDatabaseUrl(), "clinreview_mig");
    cleanups.push(() => dropDatabase(url));
    expect(await applyMigrations(url, { projectRoot: root })).toHaveLength(mine);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    // Inserted out of creation order, so numbering by insertion or by id would differ.
    const rows = [
      { id: "00000000-0000-4000-8000-000000000003", name: "gpt-4 vs claude-2", status: "ACTIVE", createdAt: "2026-01-01T00:00:00Z" },
      { id: "00000000-0000-4000-8000-000000000001", name: "later draft", status: "DRAFT", createdAt: "2026-03-01T00:00:00Z" },
      { id: "00000000-0000-4000-8000-000000000002", name: "middle, closed", status: "CLOSED", createdAt: "2026-02-01T00:00:00Z" },
    ];
    for (const r of rows) {
      await client.query(
        `INSERT INTO "Study" (id, name, status, criteria, design, seed, "createdById", "createdAt") VALUES ($1, $2, $3::"StudyStatus", '[]', 'all_pairs', 's', $1, $4)`,
        [r.id, r.name, r.status, r.createdAt],
      );
    }

    // Later migrations may follow; this one must be among those applied now.
    expect(await applyMigrations(url)).toContain(all[mine]);
    const after = await client.query<{ name: string; number: number; title: string; includeIdentityRevealing: boolean }>(
      `SELECT name, number, title, "includeIdentityRevealing" FROM "Study" ORDER BY number`,
    );
    expect(after.rows).toEqual([
      { name: "gpt-4 vs claude-2", number: 1, title: "Study 1", includeIdentityRevealing: true },
      { name: "middle, closed", number: 2, title: "Study 2", includeIdentityRevealing: true },
      { name: "later draft", number: 3, title: "Study 3", includeIdentityRevealing: false },
    ]);
    const next = await client.query<{ number: number }>(
      `INSERT INTO "Study" (id, name, title, criteria, design, seed, "createdById") VALUES (gen_random_uuid(), 'new', 'x', '[]', 'all_pairs', 's', gen_random_uuid()) RETURNING number`,
    );
    expect(next.rows[0]?.number).toBe(4);
  });
});
