// Migration …_integrity_constraints on a database holding good and bad rows: refused with a report
// and nothing changed; `cli db:repair` lists, then repairs (audited, deleting nothing); a row it
// cannot repair keeps the migration refused until a person fixes it; then the migration applies and
// the new constraints refuse bad writes.
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { databaseBeforeMigration, type TCleanups } from "../support/database-before-migration";

const cleanups: TCleanups = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, "0")}`;
const [ADMIN, REVIEWER, GONE, GONE_ORIGINAL] = [id(1), id(2), id(901), id(902)];

function cli(url: string, args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args],
    {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" },
      timeout: 120_000,
    },
  );
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("migration …_integrity_constraints", () => {
  it("refuses bad rows with a report, applies after db:repair, and then the database refuses bad writes", async () => {
    const { client, url, target, applyTarget } = await databaseBeforeMigration(
      "integrity_constraints",
      cleanups,
    );
    const q = (sql: string, params: unknown[] = []) => client.query(sql, params);
    for (const [u, role] of [
      [ADMIN, "ADMIN"],
      [REVIEWER, "CLINICIAN"],
    ] as const) {
      await q(
        `INSERT INTO "User" (id, email, name, role, pseudonym, "updatedAt") VALUES ($1::uuid, $1::text || '@int.test', 'u', $2::"Role", 'R-' || $1::text, now())`,
        [u, role],
      );
    }
    // An audit: a good review, and one by a user who no longer exists, with a misspelt verdict, on an
    // item whose slot counts are off (5 claimed of 2; its assignments say 2 claimed, 1 completed).
    await q(`INSERT INTO "Dataset" (id, name, "createdById") VALUES ($1, 'd', $2)`, [id(10), ADMIN]);
    await q(
      `INSERT INTO "DatasetRecord" ("datasetId", ordinal, instruction, "contentHash") VALUES ($1, 1, 'i', 'h1'), ($1, 2, 'i', 'h2')`,
      [id(10)],
    );
    await q(
      `INSERT INTO "AuditCampaign" (id, name, "datasetId", "sampleSize", seed, flags, "createdById") VALUES ($1, 'c', $2, 2, 's', '[]', $3)`,
      [id(11), id(10), ADMIN],
    );
    await q(
      `INSERT INTO "QueueItem" (id, "queueId", position, capacity, "claimedSlots", "completedSlots") VALUES ($1, $3, 1, 2, 1, 1), ($2, $3, 2, 2, 5, 0)`,
      [id(21), id(22), id(11)],
    );
    await q(
      `INSERT INTO "AuditItem" (id, "campaignId", "recordId", ordinal, "queueItemId") SELECT $1, $2, r.id, r.ordinal, $3 FROM "DatasetRecord" r WHERE ordinal = 1`,
      [id(31), id(11), id(21)],
    );
    await q(
      `INSERT INTO "AuditItem" (id, "campaignId", "recordId", ordinal, "queueItemId", "goldVerdict") SELECT $1, $2, r.id, r.ordinal, $3, 'reject' FROM "DatasetRecord" r WHERE ordinal = 2`,
      [id(32), id(11), id(22)],
    );
    const assign = (a: number, item: number, queue: number, user: string, status: string) =>
      q(
        `INSERT INTO "QueueAssignment" (id, "itemId", "queueId", "userId", status, "leaseExpiresAt") VALUES ($1, $2, $3, $4, $5, now())`,
        [id(a), id(item), id(queue), user, status],
      );
    await assign(41, 21, 11, REVIEWER, "SUBMITTED");
    await assign(42, 22, 11, GONE, "SUBMITTED");
    await assign(43, 22, 11, ADMIN, "LEASED");
    const review = (r: number, item: number, a: number, user: string, verdict: string) =>
      q(
        `INSERT INTO "AuditReview" (id, "itemId", "assignmentId", "reviewerId", verdict, flags, "durationMs") VALUES ($1, $2, $3, $4, $5, '{}', 1000)`,
        [id(r), id(item), id(a), user, verdict],
      );
    await review(51, 31, 41, REVIEWER, "accept");
    await review(52, 32, 42, GONE, "Accept ");
    // A study: misspelt design, a repeat of a comparison that is gone, misspelt choice and side, and
    // a judge vote whose choice matches nothing (left for a person).
    await q(
      `INSERT INTO "Study" (id, name, title, criteria, design, seed, "createdById") VALUES ($1, 's', 'Study 1', '[]', 'All pairs', 's', $2)`,
      [id(60), ADMIN],
    );
    await q(`INSERT INTO "StudyPrompt" (id, "studyId", instruction, "matchKey") VALUES ($1, $2, 'p', 'p')`, [
      id(61),
      id(60),
    ]);
    await q(
      `INSERT INTO "QueueItem" (id, "queueId", position, capacity, "claimedSlots", "completedSlots") VALUES ($1, $2, 1, 1, 1, 1)`,
      [id(62), id(60)],
    );
    await q(
      `INSERT INTO "StudyComparison" (id, "studyId", "promptId", "modelA", "modelB", "queueItemId", kind, "repeatOfId") VALUES ($1, $2, $3, 'm1', 'm2', $4, 'repeat', $5)`,
      [id(63), id(60), id(61), id(62), GONE_ORIGINAL],
    );
    await assign(64, 62, 60, REVIEWER, "SUBMITTED");
    await q(
      `INSERT INTO "StudyAssignmentSides" ("assignmentId", "comparisonId", "shownLeft") VALUES ($1, $2, 'a')`,
      [id(64), id(63)],
    );
    await q(
      `INSERT INTO "StudyJudgement" (id, "comparisonId", "assignmentId", "raterId", criterion, choice, "shownLeft", "durationMs") VALUES ($1, $2, $3, $4, 'overall', 'both-bad', 'A', 900)`,
      [id(65), id(63), id(64), REVIEWER],
    );
    await q(
      `INSERT INTO "StudyJudgeVote" (id, "studyId", judge, criterion, "promptId", "modelA", "modelB", choice) VALUES ($1, $2, 'gpt', 'overall', $3, 'm1', 'm2', 'maybe')`,
      [id(66), id(60), id(61)],
    );
    const snapshot = async (): Promise<unknown> =>
      (
        await q(
          `SELECT (SELECT json_agg(r ORDER BY id) FROM "AuditReview" r) AS reviews, (SELECT json_agg(i ORDER BY id) FROM "QueueItem" i) AS items, (SELECT json_agg(j) FROM "StudyJudgement" j) AS judgements, (SELECT count(*)::int FROM "User") AS users`,
        )
      ).rows[0];
    const before = await snapshot();

    // 1. Refused, with a readable report, and nothing changed.
    const refused = await applyTarget().then(
      () => null,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(refused).toContain("integrity_constraints refused");
    expect(refused).toContain("npm run cli -- db:repair");
    expect(refused).toContain(`AuditReview.reviewerId: no such user: 1 row(s), e.g. ${id(52)} -> ${GONE}`);
    expect(refused).toContain(`AuditReview.verdict: unknown spelling: 1 row(s), e.g. ${id(52)} = 'Accept '`);
    expect(refused).toContain("QueueItem slots: not 0 <= claimedSlots <= capacity: 1 row(s)");
    expect(refused).toContain("StudyComparison.repeatOfId: no such StudyComparison");
    expect(refused).toContain("StudyJudgeVote.choice: unknown spelling");
    expect(await snapshot()).toEqual(before);
    const constraints = await q(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE conname IN ('AuditReview_reviewerId_fkey', 'QueueItem_claimedSlots_check')`,
    );
    expect(constraints.rows[0]).toEqual({ n: 0 });
    expect(
      (
        await q(
          `SELECT data_type FROM information_schema.columns WHERE table_name = 'AuditReview' AND column_name = 'verdict'`,
        )
      ).rows[0],
    ).toEqual({ data_type: "text" });

    // 2. The dry run lists each repair and what is left to a person, and changes nothing.
    const dry = cli(url, ["db:repair"]);
    expect(dry.out).toContain("Would repair (dry run; --apply to do it): 7");
    expect(dry.out).toContain(
      `placeholder_user  User ${GONE}: placeholder account (disabled, no password) for 2 reference(s)`,
    );
    expect(dry.out).toContain(`enum_spelling  AuditReview ${id(52)}: verdict "Accept " -> "accept"`);
    expect(dry.out).toContain(`slot_counts  QueueItem ${id(22)}: completed/claimed/capacity 0/5/2 -> 1/2/2`);
    expect(dry.out).toContain(`enum_spelling  StudyJudgement ${id(65)}: choice "both-bad" -> "both_bad"`);
    expect(dry.out).toContain(`StudyJudgeVote.choice: unknown spelling: ${id(66)} -> maybe`);
    expect(dry.code).toBe(2);
    expect(await snapshot()).toEqual(before);

    // 3. --apply repairs what it can, each audited; the judge vote still keeps the migration refused.
    const applied = cli(url, ["db:repair", "--apply"]);
    expect(applied.out).toContain("Repaired: 7");
    expect(applied.code).toBe(2);
    const audits = await q(
      `SELECT action, count(*)::int AS n FROM "AuditLog" WHERE action LIKE 'integrity.%' GROUP BY action ORDER BY action`,
    );
    expect(audits.rows).toEqual([
      { action: "integrity.enum_spelling", n: 4 },
      { action: "integrity.placeholder_user", n: 1 },
      { action: "integrity.repeat_link_cleared", n: 1 },
      { action: "integrity.slot_counts", n: 1 },
    ]);
    expect(
      await applyTarget().then(
        () => "applied",
        () => "refused",
      ),
    ).toBe("refused");

    // 4. A person decides the vote; the repair clears the refused attempt, and the migration applies.
    await q(`UPDATE "StudyJudgeVote" SET choice = 'tie' WHERE id = $1`, [id(66)]);
    const finished = cli(url, ["db:repair", "--apply"]);
    expect(finished.out).toContain("Nothing to repair.");
    expect(finished.out).toContain("Marked the refused integrity_constraints attempt as rolled back");
    expect(finished.code).toBe(0);
    expect(await applyTarget()).toContain(target);

    const after = await q(
      `SELECT (SELECT verdict::text FROM "AuditReview" WHERE id = $1) AS verdict, (SELECT count(*)::int FROM "AuditReview") AS reviews,
      (SELECT count(*)::int FROM "StudyJudgement") AS judgements, (SELECT status::text FROM "User" WHERE id = $2) AS placeholder,
      (SELECT row_to_json(i) FROM (SELECT capacity, "claimedSlots", "completedSlots" FROM "QueueItem" WHERE id = $3) i) AS slots,
      (SELECT design::text FROM "Study" WHERE id = $4) AS design`,
      [id(52), GONE, id(22), id(60)],
    );
    expect(after.rows[0]).toEqual({
      verdict: "accept",
      reviews: 2,
      judgements: 1,
      placeholder: "DISABLED",
      slots: { capacity: 2, claimedSlots: 2, completedSlots: 1 },
      design: "all_pairs",
    });

    // 5. The database now refuses bad writes itself.
    const refusedWrite = (sql: string, params: unknown[]) =>
      q(sql, params).then(
        () => "written",
        (e: { code?: string }) => e.code,
      );
    expect(
      await refusedWrite(`UPDATE "AuditReview" SET "reviewerId" = $1 WHERE id = $2`, [id(999), id(51)]),
    ).toBe("23503");
    expect(
      await refusedWrite(`INSERT INTO "StudyRater" ("studyId", "userId") VALUES ($1, $2)`, [id(60), id(998)]),
    ).toBe("23503");
    expect(
      await refusedWrite(`UPDATE "StudyComparison" SET "promptId" = $1 WHERE id = $2`, [id(997), id(63)]),
    ).toBe("23503");
    expect(
      await refusedWrite(`UPDATE "AuditReview" SET verdict = $1 WHERE id = $2`, ["Accept", id(51)]),
    ).toBe("22P02");
    expect(
      await refusedWrite(`UPDATE "StudyJudgement" SET "shownLeft" = $1 WHERE id = $2`, ["left", id(65)]),
    ).toBe("22P02");
    expect(await refusedWrite(`UPDATE "QueueItem" SET "claimedSlots" = 3 WHERE id = $1`, [id(22)])).toBe(
      "23514",
    );
    expect(
      await refusedWrite(`UPDATE "QueueItem" SET "completedSlots" = 2, "claimedSlots" = 1 WHERE id = $1`, [
        id(22),
      ]),
    ).toBe("23514");
    expect(
      await refusedWrite(`UPDATE "QueueItem" SET "claimedSlots" = -1, "completedSlots" = 0 WHERE id = $1`, [
        id(21),
      ]),
    ).toBe("23514");
    // Users are never deleted: a user with work is refused (RESTRICT).
    expect(await refusedWrite(`DELETE FROM "User" WHERE id = $1`, [REVIEWER])).toBe("23503");
  });
});
