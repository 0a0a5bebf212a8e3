// The migration that moves the study-only "shownLeft" off the shared QueueAssignment table into
// StudyAssignmentSides (issue 12): every decided side is kept, with its comparison; the column goes.
import { afterAll, describe, expect, it } from "vitest";
import { databaseBeforeMigration, type TCleanups } from "../support/database-before-migration";

const MIGRATION = "study_assignment_sides";
const cleanups: TCleanups = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;

describe("migration …_study_assignment_sides", () => {
  it("copies every decided side with its comparison and drops the column from the shared table", async () => {
    const { client, target, applyTarget } = await databaseBeforeMigration(MIGRATION, cleanups);
    const study = id(1);
    await client.query(
      `INSERT INTO "Study" (id, name, title, criteria, design, seed, "createdById") VALUES ($1, 's', 'Study 1', '[]', 'all_pairs', 's', $1)`,
      [study],
    );
    // Items 11 and 12 are the study's comparisons; 13 is an audit's item (no comparison).
    for (const [n, pos] of [
      [11, 1],
      [12, 2],
      [13, 3],
    ] as const) {
      await client.query(
        `INSERT INTO "QueueItem" (id, "queueId", position, capacity) VALUES ($1, $2, $3, 2)`,
        [id(n), n === 13 ? id(2) : study, pos],
      );
    }
    for (const n of [11, 12]) {
      await client.query(
        `INSERT INTO "StudyComparison" (id, "studyId", "promptId", "modelA", "modelB", "queueItemId") VALUES ($1, $2, $3, 'm1', 'm2', $4)`,
        [id(n + 10), study, id(9), id(n)],
      );
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

    expect(await applyTarget()).toContain(target);
    const sides = await client.query<{ assignmentId: string; comparisonId: string; shownLeft: string }>(
      `SELECT "assignmentId", "comparisonId", "shownLeft" FROM "StudyAssignmentSides" ORDER BY "assignmentId"`,
    );
    expect(sides.rows).toEqual([
      { assignmentId: id(31), comparisonId: id(21), shownLeft: "B" },
      { assignmentId: id(32), comparisonId: id(21), shownLeft: "A" },
    ]);
    const column = await client.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'QueueAssignment' AND column_name = 'shownLeft'`,
    );
    expect(column.rowCount).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM "QueueAssignment"`)).rows[0]).toEqual({
      n: 4,
    });
  });
});
