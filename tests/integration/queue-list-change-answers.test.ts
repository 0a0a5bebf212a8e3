// A rater taken off a study's list keeps no way to add or change answers (issue 11's race between a
// list change and the person's own work, found in review):
// - a late submit on the lease the change ended is refused (403), as the audit submit does;
// - an undo after the change is refused (403);
// - an undo racing the change waits for it instead of deadlocking: the undo locks the study row
//   before the person's claim lock, the order the change takes them in.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { assignmentReopenRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { setStudyRaters } from "@/lib/studies/set-study-raters";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase, testDatabaseUrl } from "../support/db";
import { startedStudy } from "../support/queue-fixtures";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;

const claim = async (me: TCaller, id: string) => {
  const r = await me.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
    method: "POST",
    params: { id },
  });
  expect(r.status).toBe(200);
  return ((await r.json()) as { assignmentId: string }).assignmentId;
};
const submit = (me: TCaller, id: string) =>
  me.call(assignmentSubmitRoute, `/api/v1/assignments/${id}/submit`, {
    method: "POST",
    body: { choices: { accuracy: "A" } },
    params: { id },
  });
const reopen = (me: TCaller, id: string) =>
  me.call(assignmentReopenRoute, `/api/v1/assignments/${id}/reopen`, { method: "POST", params: { id } });

async function setUp() {
  const admin = asCurrent(await makeUser("ADMIN"));
  const studyId = await startedStudy(4);
  const gone = await apiCaller("CLINICIAN");
  const kept = await apiCaller("CLINICIAN");
  const set = (keep: string[]) => setStudyRaters(admin, studyId, keep, ctx());
  await set([gone.user.id, kept.user.id]);
  return { studyId, gone, kept, set };
}

describe("a rater taken off a study's list", () => {
  it("cannot submit on the lease the change ended, nor undo an earlier answer", async () => {
    const { studyId, gone, kept, set } = await setUp();
    const first = await claim(gone, studyId);
    expect((await submit(gone, first)).status).toBe(200);
    const second = await claim(gone, studyId);
    await set([kept.user.id]);

    const late = await submit(gone, second);
    expect(late.status).toBe(403);
    expect(late.headers.get("content-type")).toContain("application/problem+json");
    expect(await db().studyJudgement.count({ where: { assignmentId: second } })).toBe(0);

    expect((await reopen(gone, first)).status).toBe(403);
    expect(await db().studyJudgement.count({ where: { assignmentId: first, supersededAt: null } })).toBe(1);
  });

  it("is refused by queue_submit itself, the rule every queue feature shares", async () => {
    const { studyId, gone, kept, set } = await setUp();
    const leased = await claim(gone, studyId);
    await set([kept.user.id]);
    const [row] = await db().$queryRaw<{ outcome: string }[]>`
      SELECT queue_submit(${leased}::uuid, ${gone.user.id}::uuid) AS outcome`;
    expect(row?.outcome).toBe("not_open_to");
    const late = await submit(gone, leased);
    expect(late.status).toBe(403);
    expect(((await late.json()) as { detail: string }).detail).toMatch(/no longer among/);
  });

  it("an undo racing the change waits for it (no deadlock), then is refused", async () => {
    const { studyId, gone, kept } = await setUp();
    const first = await claim(gone, studyId);
    expect((await submit(gone, first)).status).toBe(200);

    // The change's first steps on a connection of the test's own: the study row, then (after the
    // undo has started) the removed person's claim lock, as setStudyRaters takes them.
    const conn = new pg.Client({ connectionString: testDatabaseUrl() });
    await conn.connect();
    try {
      await conn.query("BEGIN");
      await conn.query(`SELECT id FROM "Study" WHERE id = $1::uuid FOR NO KEY UPDATE`, [studyId]);
      const undo = reopen(gone, first);
      await new Promise((r) => setTimeout(r, 300));
      // Before the fix the undo held the claim lock by now and this waited on it while the undo
      // waited on the study row: PostgreSQL aborted one of them (40P01).
      await conn.query(`SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || $2::text, 0))`, [
        studyId,
        gone.user.id,
      ]);
      await conn.query(`DELETE FROM "StudyRater" WHERE "studyId" = $1::uuid AND "userId" = $2::uuid`, [
        studyId,
        gone.user.id,
      ]);
      await conn.query("COMMIT");
      const answered = await undo;
      expect(answered.status).toBe(403);
    } finally {
      await conn.end();
    }
    expect(await db().studyJudgement.count({ where: { assignmentId: first, supersededAt: null } })).toBe(1);
    expect(kept.user.id).not.toBe(gone.user.id);
  });
});
