// The migration that moves the study-only "shownLeft" off the shared QueueAssignment table into
// StudyAssignmentSides (issue 12): every decided side is kept, with its comparison; the column goes.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrationsList } from "../../lib/db/schema-engine";
import { createDatabase, dropDatabase } from "../support/pg-cluster";
import { testDatabaseUrl } from "../support/db";

const MIGRATION = "study_assignment_sides";
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

describe("migration …_study_assignment_sides", () => {
  it("copies every decided side with its comparison and drops the column from the shared table", async () => {
    const all = readMigrationsList().migrationDirectories.map((d) => d.path);
    const mine = all.findIndex((p) => p.endsWith(`_${MIGRATION}`));
    expect(mine).toBeGreaterThan(0);
    const root = mkdtempSync(path.join(tmpdir(), "clinreview-mig-"));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    for (const dir of all.slice(0, mine)) cpSync(path.join("prisma", "migrations", dir), path.join(root, "prisma", "migrations", dir), { recursive: true });
    cpSync(path.join("prisma", "migrations", "migration_lock.toml"), path.join(root, "prisma", "migrations", "migration_lock.toml"));
    symlinkSync(path.resolve("node_modules"), path.join(root, "node_modules"), "dir");

    const url = await createDatabase(testDatabaseUrl(), "clinreview_mig");
    cleanups.push(() => dropDatabase(url));
    expect(await applyMigrations(url, { projectRoot: root })).toHaveLength(mine);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    const study = id(1);
    await client.query(`INSERT INTO "Study" (id, name, title, criteria, design, seed, "createdById") VALUES ($1, 's', 'Study 1', '[]', 'all_pairs', 's', $1)`, [study]);
    // Items 11 and 12 are the study's comparisons; 13 is an audit's item (no comparison).
    for (const [n, pos] of [[11, 1], [12, 2], [13, 3]] as const) {
      await client.query(`INSERT INTO "QueueItem" (id, "queueId", position, capacity) VALUES ($1, $2, $3, 2)`, [id(n), n === 13 ? id(2) : study, pos]);
    }
    for (const n of [11, 12]) {
      await client.query(`INSERT INTO "StudyComparison" (id, "studyId", "promptId", "modelA", "modelB", "queueItemId") VALUES ($1, $2, $3, 'm1', 'm2', $4)`, [id(n + 10), study, id(9), id(n)]);
    }
    const assignment = (n: number, item: number, user: number, shownLeft: string | null) =>
      client.query(
        `INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", "leaseExpiresAt", "shownLeft") VALUES ($1, $2, (SELECT "queueId" FROM "QueueItem" WHERE id = $2), $3, now(), $4)`,
        [id(n), id(item), id(user), shownLeft],
      );
    await assignment(31, 11, 101, "B");
    await assignment(32, 11, 102, "A");
    await assignment(33, 12, 101, null); // claimed, sides not yet decided
    await assignment(34, 13, 101, null); // an audit assignment

    expect(await applyMigrations(url)).toContain(all[mine]);
    const sides = await client.query<{ assignmentId: string; comparisonId: string; shownLeft: string }>(
      `SELECT "assignmentId", "comparisonId", "shownLeft" FROM "StudyAssignmentSides" ORDER BY "assignmentId"`,
    );
    expect(sides.rows).toEqual([
      { assignmentId: id(31), comparisonId: id(21), shownLeft: "B" },
      { assignmentId: id(32), comparisonId: id(21), shownLeft: "A" },
    ]);
    const column = await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'QueueAssignment' AND column_name = 'shownLeft'`);
    expect(column.rowCount).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM "QueueAssignment"`)).rows[0]).toEqual({ n: 4 });
  });
});
