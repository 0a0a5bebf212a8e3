// The migration that adds Study.number and Study.title: studies created before it are numbered in
// order of creation and get the neutral title "Study N"; new ones continue the numbering.
import { afterAll, describe, expect, it } from "vitest";
import { databaseBeforeMigration, type TCleanups } from "../support/database-before-migration";

const MIGRATION = "study_title_and_holdback";
const cleanups: TCleanups = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

describe("migration …_study_title_and_holdback", () => {
  it("numbers existing studies in order of creation and titles them “Study N”; started ones keep showing what they showed", async () => {
    const { client, target, applyTarget } = await databaseBeforeMigration(MIGRATION, cleanups);
    // Inserted out of creation order, so numbering by insertion or by id would differ.
    const rows = [
      {
        id: "00000000-0000-4000-8000-000000000003",
        name: "gpt-4 vs claude-2",
        status: "ACTIVE",
        createdAt: "2026-01-01T00:00:00Z",
      },
      {
        id: "00000000-0000-4000-8000-000000000001",
        name: "later draft",
        status: "DRAFT",
        createdAt: "2026-03-01T00:00:00Z",
      },
      {
        id: "00000000-0000-4000-8000-000000000002",
        name: "middle, closed",
        status: "CLOSED",
        createdAt: "2026-02-01T00:00:00Z",
      },
    ];
    for (const r of rows) {
      await client.query(
        `INSERT INTO "Study" (id, name, status, criteria, design, seed, "createdById", "createdAt") VALUES ($1, $2, $3::"StudyStatus", '[]', 'all_pairs', 's', $1, $4)`,
        [r.id, r.name, r.status, r.createdAt],
      );
    }

    // Later migrations may follow; this one must be among those applied now.
    expect(await applyTarget()).toContain(target);
    const after = await client.query<{
      name: string;
      number: number;
      title: string;
      includeIdentityRevealing: boolean;
    }>(`SELECT name, number, title, "includeIdentityRevealing" FROM "Study" ORDER BY number`);
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
