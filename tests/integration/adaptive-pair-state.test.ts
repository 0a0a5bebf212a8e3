// Issue 17 (adaptive claim's read in O(model pairs), migration 20261210000000_pair_state): the
// per-pair tallies kept by triggers equal a from-scratch count of current regular judgements after
// submits, revisions, skips and undo through the API; and the per-pair read of the rater's open
// items (adaptiveClaimRead) answers exactly what the set-wise read it replaced answered.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { prismaRunner } from "@/lib/db/pg-transaction";
import { assignmentReopenRoute, assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { adaptiveClaimRead, type TAdaptiveRead } from "@/lib/studies/adaptive-claim-read";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignByHand, startedAdaptiveStudy } from "../support/adaptive-study";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import {
  setWiseAdaptiveRead as oldRead,
  type TSetWiseRead as TOldRead,
} from "../support/adaptive-set-wise-read";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;
type TTally = {
  pair: string;
  criterion: string;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
};

const claim = async (me: TCaller, id: string) => {
  const r = await me.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
    method: "POST",
    params: { id },
  });
  return r.status === 200 ? ((await r.json()) as { assignmentId: string }).assignmentId : null;
};
const post = (me: TCaller, route: typeof assignmentSubmitRoute, id: string, verb: string, body?: unknown) =>
  me.call(route, `/api/v1/assignments/${id}/${verb}`, { method: "POST", params: { id }, body });

/** Non-zero tallies as the triggers kept them. */
async function kept(studyId: string): Promise<TTally[]> {
  return db().$queryRaw<TTally[]>`
    SELECT p."modelA" || '/' || p."modelB" AS pair, t.criterion, t."winsA", t."winsB", t.ties, t."bothBad"
      FROM "StudyPairTally" t JOIN "StudyPair" p ON p.id = t."pairId"
     WHERE p."studyId" = ${studyId}::uuid AND t."winsA" + t."winsB" + t.ties + t."bothBad" > 0
     ORDER BY 1, 2`;
}

/** The same, counted from scratch: current revisions of regular comparisons. */
async function fromScratch(studyId: string): Promise<TTally[]> {
  return db().$queryRaw<TTally[]>`
    SELECT c."modelA" || '/' || c."modelB" AS pair, j.criterion,
           count(*) FILTER (WHERE j.choice = 'A')::int AS "winsA",
           count(*) FILTER (WHERE j.choice = 'B')::int AS "winsB",
           count(*) FILTER (WHERE j.choice = 'tie')::int AS ties,
           count(*) FILTER (WHERE j.choice = 'both_bad')::int AS "bothBad"
      FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId"
     WHERE c."studyId" = ${studyId}::uuid AND c.kind = 'regular' AND j."supersededAt" IS NULL
     GROUP BY 1, 2 ORDER BY 1, 2`;
}

describe("per-pair tallies kept by the database", () => {
  it("equal a from-scratch count after submits, revisions, skips and undo (attention checks and repeats not counted)", async () => {
    const studyId = await startedAdaptiveStudy(4, 5, {
      criteria: ["Quality", "Safety"],
      ratingsPerComparison: 2,
      attentionCheckShare: 0.2,
      repeatShare: 0.5,
    });
    const raters = [await apiCaller("CLINICIAN"), await apiCaller("CLINICIAN"), await apiCaller("CLINICIAN")];
    const choices = ["A", "B", "tie"] as const;
    let k = 0;
    for (let round = 0; round < 8; round++) {
      for (const me of raters) {
        const id = await claim(me, studyId);
        if (!id) continue;
        k++;
        if (k % 5 === 0) {
          expect((await post(me, assignmentSkipRoute, id, "skip")).status).toBe(204);
          continue;
        }
        const body = (n: number) => ({
          choices: { quality: choices[n % 3], safety: choices[(n + 1) % 3] },
        });
        expect((await post(me, assignmentSubmitRoute, id, "submit", body(k))).status).toBe(200);
        if (k % 3 === 1) {
          // Undo, then a revision with other choices (the first revision is superseded).
          expect((await post(me, assignmentReopenRoute, id, "reopen")).status).toBe(200);
          expect(await claim(me, studyId)).toBe(id);
          expect((await post(me, assignmentSubmitRoute, id, "submit", body(k + 1))).status).toBe(200);
        }
      }
    }
    // Undo left pending: the rater's last answer no longer counts.
    const last = await db().studyJudgement.findFirstOrThrow({
      where: { comparison: { studyId, kind: "regular" }, supersededAt: null, raterId: raters[0]?.user.id },
      orderBy: { createdAt: "desc" },
    });
    const before = await kept(studyId);
    expect(
      (await post(raters[0] as TCaller, assignmentReopenRoute, last.assignmentId, "reopen")).status,
    ).toBe(200);

    const after = await kept(studyId);
    expect(after).toEqual(await fromScratch(studyId));
    expect(after).not.toEqual(before);
    // The states the triggers tell apart all happened.
    const counts = await db().$queryRaw<{ superseded: number; specials: number; skipped: number }[]>`
      SELECT (SELECT count(*)::int FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId"
               WHERE c."studyId" = ${studyId}::uuid AND j."supersededAt" IS NOT NULL) AS superseded,
             (SELECT count(*)::int FROM "StudyJudgement" j JOIN "StudyComparison" c ON c.id = j."comparisonId"
               WHERE c."studyId" = ${studyId}::uuid AND c.kind <> 'regular') AS specials,
             (SELECT count(*)::int FROM "QueueAssignment" a
               WHERE a."queueId" = ${studyId}::uuid AND a.status = 'RELEASED') AS skipped`;
    expect(counts[0]?.superseded).toBeGreaterThan(4);
    expect(counts[0]?.specials).toBeGreaterThan(0);
    expect(counts[0]?.skipped).toBeGreaterThan(0);
    // Repeats made at submit time joined the study's ungrouped items; regular items carry their pair.
    const groups = await db().$queryRaw<{ kind: string; key: string; n: number }[]>`
      SELECT c.kind::text, CASE WHEN qi."groupKey" = p.id::text THEN 'pair' ELSE coalesce(qi."groupKey", 'null') END AS key,
             count(*)::int AS n
        FROM "StudyComparison" c JOIN "QueueItem" qi ON qi.id = c."queueItemId"
        LEFT JOIN "StudyPair" p ON p."studyId" = c."studyId" AND p."modelA" = c."modelA" AND p."modelB" = c."modelB"
       WHERE c."studyId" = ${studyId}::uuid GROUP BY 1, 2 ORDER BY 1, 2`;
    expect(groups.map((g) => `${g.kind}:${g.key}`)).toEqual(["attention:", "regular:pair", "repeat:"]);

    // Deleting judgements (as a study's cascade) counts them out.
    await db().studyJudgement.deleteMany({ where: { raterId: raters[1]?.user.id, supersededById: null } });
    expect(await kept(studyId)).toEqual(await fromScratch(studyId));
  });
});

describe("per-pair tallies under concurrent submits", () => {
  it("raters submitting, undoing and revising on one pair at once: every request answers, the tally is exact", async () => {
    // One pair (2 models), two criteria, three ratings per comparison: every submit and undo
    // changes the same pair's two tally rows.
    const studyId = await startedAdaptiveStudy(2, 8, {
      criteria: ["Quality", "Safety"],
      ratingsPerComparison: 3,
    });
    const raters = await Promise.all(Array.from({ length: 6 }, () => apiCaller("CLINICIAN")));
    const choices = ["A", "B", "tie"] as const;
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        raters.map(async (me, who) => {
          const id = await claim(me, studyId);
          if (!id) return;
          const n = round + who;
          const body = (k: number) => ({
            choices: { quality: choices[k % 3], safety: choices[(k + 2) % 3] },
          });
          statuses.push((await post(me, assignmentSubmitRoute, id, "submit", body(n))).status);
          if (n % 2 === 0) {
            statuses.push((await post(me, assignmentReopenRoute, id, "reopen")).status);
            await claim(me, studyId);
            statuses.push((await post(me, assignmentSubmitRoute, id, "submit", body(n + 1))).status);
          }
        }),
      );
    }
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = await kept(studyId);
    expect(after.length).toBe(2);
    expect(after).toEqual(await fromScratch(studyId));
  });
});

/** Both reads in one comparable form: open items as read; tallies as "pair choice n" lines. */
async function bothReads(study: string, user: string) {
  const [o] = await db().$queryRaw<TOldRead[]>(oldRead(study, user, "quality"));
  const [n] = await prismaRunner(db()).rows<TAdaptiveRead>(adaptiveClaimRead(study, user, "quality"));
  const oldCounts = (o?.counts ?? [])
    .filter((c) => c.choice !== null)
    .map((c) => `${c.modelA}/${c.modelB} ${c.choice} ${c.n}`);
  const newCounts = (n?.counts ?? []).flatMap((c) =>
    (
      [
        ["A", c.winsA],
        ["B", c.winsB],
        ["tie", c.ties],
        ["both_bad", c.bothBad],
      ] as const
    )
      .filter(([, v]) => (v ?? 0) > 0)
      .map(([k, v]) => `${c.modelA}/${c.modelB} ${k} ${v}`),
  );
  const pairsOf = (rows: { modelA: string; modelB: string }[]) => [
    ...new Set(rows.map((c) => `${c.modelA}/${c.modelB}`)),
  ];
  return {
    old: {
      leased: o?.leased,
      open: o?.open,
      counts: oldCounts.sort(),
      pairs: pairsOf(o?.counts ?? []).sort(),
    },
    new: {
      leased: n?.leased,
      open: n?.open,
      counts: newCounts.sort(),
      pairs: pairsOf(n?.counts ?? []).sort(),
    },
  };
}

describe("the per-pair read of the rater's open items", () => {
  it("answers what the set-wise read answered: leases, submits, skips, lapsed leases, repeats, full items, a rater list", async () => {
    const studyId = await startedAdaptiveStudy(4, 6, { attentionCheckShare: 0.25 });
    const users = [];
    for (let i = 0; i < 5; i++) users.push(await makeUser("CLINICIAN"));
    const [u1, u2, u3, u4, u5] = users.map((u) => u.id) as [string, string, string, string, string];
    // Items in queue order, regular ones per pair in the chooser's order's ties (same judged count).
    const items = await db().$queryRaw<{ id: string; kind: string; pair: string }[]>`
      SELECT qi.id::text, c.kind::text, c."modelA" || '/' || c."modelB" AS pair
        FROM "QueueItem" qi JOIN "StudyComparison" c ON c."queueItemId" = qi.id
       WHERE qi."queueId" = ${studyId}::uuid ORDER BY qi.position`;
    expect(items.length).toBe(36 + 9);
    await db().$executeRaw`UPDATE "QueueItem" SET capacity = 3 WHERE "queueId" = ${studyId}::uuid`;
    const regular = items.filter((i) => i.kind === "regular");
    const specials = items.filter((i) => i.kind !== "regular");
    const at = (list: typeof items, i: number) => list[i]?.id ?? "";
    // u1 works through the first items of one pair: its first three are taken (lease, submit, skip),
    // its fourth lapsed (a lease not yet expired by a claim), so the per-pair walk probes past them.
    const pairOne = regular.filter((r) => r.pair === regular[0]?.pair);
    await assignByHand(at(pairOne, 0), studyId, u1, "LEASED", -5);
    await assignByHand(at(pairOne, 1), studyId, u1, "SUBMITTED");
    await assignByHand(at(pairOne, 2), studyId, u1, "RELEASED");
    await assignByHand(at(pairOne, 3), studyId, u1, "EXPIRED");
    // Others submit here and there, so judged counts differ within pairs (least judged first).
    for (let i = 0; i < regular.length; i += 3) await assignByHand(at(regular, i), studyId, u2, "SUBMITTED");
    for (let i = 1; i < regular.length; i += 4) await assignByHand(at(regular, i), studyId, u3, "SUBMITTED");
    // Full items: by hand, and by three submits.
    await db()
      .$executeRaw`UPDATE "QueueItem" SET "claimedSlots" = capacity WHERE id = ${at(regular, 5)}::uuid`;
    for (const u of [u3, u4, u5]) await assignByHand(at(regular, 7), studyId, u, "SUBMITTED");
    // Specials: the first one taken by u1, the second meant for u1 only (a repeat), the third for u2.
    await assignByHand(at(specials, 0), studyId, u1, "SUBMITTED");
    await db()
      .$executeRaw`UPDATE "QueueItem" SET "onlyForUserId" = ${u1}::uuid WHERE id = ${at(specials, 1)}::uuid`;
    await db()
      .$executeRaw`UPDATE "QueueItem" SET "onlyForUserId" = ${u2}::uuid WHERE id = ${at(specials, 2)}::uuid`;
    // Judgements on some submitted items (the tallies), one superseded, one on an attention check.
    await db().$executeRaw`
      INSERT INTO "StudyJudgement" (id, "comparisonId", "assignmentId", "raterId", criterion, choice, "shownLeft", "durationMs", "supersededAt")
      SELECT gen_random_uuid(), c.id, a.id, a."userId", 'quality',
             (ARRAY['A', 'B', 'tie', 'both_bad']::"StudyChoice"[])[1 + (row_number() OVER (ORDER BY a.id))::int % 4],
             'A', 1000, CASE WHEN row_number() OVER (ORDER BY a.id) = 2 THEN now() END
        FROM "QueueAssignment" a JOIN "StudyComparison" c ON c."queueItemId" = a."itemId"
       WHERE a."queueId" = ${studyId}::uuid AND a.status = 'SUBMITTED'`;

    const everyone = async () => Promise.all([u1, u2, u3, u4, u5].map((u) => bothReads(studyId, u)));
    const reads = await everyone();
    for (const r of reads) expect(r.new).toEqual(r.old);
    // Not a comparison of empty answers: 6 pairs listed, tallies read, open items and a special.
    expect(reads[0]?.new.pairs.length).toBe(6);
    expect(reads[0]?.new.counts.length).toBeGreaterThan(4);
    expect(reads.map((r) => (r.new.open ?? []).length)).toEqual([7, 7, 7, 7, 7]);
    // u1's live lease: nothing read but the lease, in both forms.
    await assignByHand(at(regular, 20), studyId, u1, "LEASED");
    // A rater list without u5: u5 reads no items (the tallies still), in both forms.
    await db().studyRater.createMany({ data: [u1, u2, u3, u4].map((userId) => ({ studyId, userId })) });
    const listed = await everyone();
    for (const r of listed) expect(r.new).toEqual(r.old);
    expect(listed[0]?.new.leased).toBe(true);
    expect(listed[4]?.new.open).toEqual([]);
  });
});

describe("comparisons handed out and not answered (pending)", () => {
  it("the read counts other raters' live leases per pair; raters claiming together go to different pairs", async () => {
    const studyId = await startedAdaptiveStudy(4, 6, { attentionCheckShare: 0.25 });
    const [u1, u2, u3, u4] = (await Promise.all([0, 1, 2, 3].map(() => makeUser("CLINICIAN")))).map(
      (u) => u.id,
    ) as [string, string, string, string];
    const items = await db().$queryRaw<{ id: string; kind: string; pair: string }[]>`
      SELECT qi.id::text, c.kind::text, c."modelA" || '/' || c."modelB" AS pair
        FROM "QueueItem" qi JOIN "StudyComparison" c ON c."queueItemId" = qi.id
       WHERE qi."queueId" = ${studyId}::uuid ORDER BY qi.position`;
    const regular = items.filter((i) => i.kind === "regular");
    const pairs = [...new Set(regular.map((r) => r.pair))];
    const of = (pair: string | undefined) => regular.filter((r) => r.pair === pair);
    // Live leases: two on the first pair, one on the second; a lapsed lease, a submit and a leased
    // attention check count for nothing.
    await assignByHand(of(pairs[0])[0]!.id, studyId, u2, "LEASED");
    await assignByHand(of(pairs[0])[1]!.id, studyId, u3, "LEASED");
    await assignByHand(of(pairs[1])[0]!.id, studyId, u4, "LEASED");
    await assignByHand(of(pairs[2])[0]!.id, studyId, u4, "EXPIRED", -5);
    await assignByHand(of(pairs[3])[0]!.id, studyId, u4, "SUBMITTED");
    await assignByHand(items.find((i) => i.kind !== "regular")!.id, studyId, u2, "LEASED");
    const [read] = await prismaRunner(db()).rows<TAdaptiveRead>(adaptiveClaimRead(studyId, u1, "quality"));
    const pending = Object.fromEntries(
      (read?.counts ?? []).map((c) => [`${c.modelA}/${c.modelB}`, c.pending]),
    );
    expect(pending).toEqual(Object.fromEntries(pairs.map((p, i) => [p, i === 0 ? 2 : i === 1 ? 1 : 0])));

    // Nothing judged yet (warm-up): each claim goes to the least judged pair counting the leases
    // already out, so raters claiming one after another without answering are spread over pairs
    // (without the leases counted, every one of them was sent to the same first pair).
    const fresh = await startedAdaptiveStudy(4, 6);
    const raters = await Promise.all([0, 1, 2, 3].map(() => apiCaller("CLINICIAN")));
    const claimed: string[] = [];
    for (const r of raters) {
      const id = await claim(r, fresh);
      expect(id).not.toBeNull();
      const [row] = await db().$queryRaw<{ pair: string }[]>`
        SELECT c."modelA" || '/' || c."modelB" AS pair FROM "QueueAssignment" a
          JOIN "StudyComparison" c ON c."queueItemId" = a."itemId" WHERE a.id = ${id}::uuid`;
      claimed.push(row!.pair);
    }
    expect(new Set(claimed).size).toBe(4);
  });
});
