// A reviewer or rater taken off a queue's list while their claim is running (issue 11: the list
// change and the claim race). The test holds the claim's transaction open on a connection of its
// own, so the interleaving is forced, not hoped for:
// - the claim has taken its lease but not committed when the list changes: the change waits for
//   it (the claim's advisory lock) and ends that lease in its own transaction;
// - the claim's membership check was made before the change committed: queue_claim, which runs
//   after the change, hands nothing (the claim rule reads the list after that lock).
// Before the fix the first lease outlived the change, and a study never ended leases at all.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { setCampaignReviewers } from "@/lib/audits/set-campaign-reviewers";
import { claimNextItem } from "@/lib/queue";
import { setStudyRaters } from "@/lib/studies/set-study-raters";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase, testDatabaseUrl } from "../support/db";
import { openCampaign, startedStudy } from "../support/queue-fixtures";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TSetList = (queueId: string, keep: string[]) => Promise<unknown>;

async function campaignQueue() {
  const admin = await apiCaller("ADMIN");
  const queueId = await openCampaign(admin, 4);
  const set: TSetList = (id, keep) => setCampaignReviewers(admin.current, id, keep, ctx());
  return { queueId, set };
}
async function studyQueue() {
  const admin = asCurrent(await makeUser("ADMIN"));
  const queueId = await startedStudy(4);
  const set: TSetList = (id, keep) => setStudyRaters(admin, id, keep, ctx());
  return { queueId, set };
}

const leased = (queueId: string, userId: string) =>
  db().queueAssignment.count({ where: { queueId, userId, status: "LEASED" } });

describe.each([
  ["an audit campaign's reviewers", campaignQueue],
  ["a study's raters", studyQueue],
])("taking someone off %s", (_label, make) => {
  it("while their claim's transaction is open: the change waits for it and ends the lease it took", async () => {
    const { queueId, set } = await make();
    const gone = await makeUser("CLINICIAN");
    const kept = await makeUser("CLINICIAN");
    await set(queueId, [gone.id, kept.id]);

    const conn = new pg.Client({ connectionString: testDatabaseUrl() });
    await conn.connect();
    try {
      await conn.query("BEGIN");
      const claimed = await conn.query("SELECT claimed_id FROM queue_claim($1::uuid, $2::uuid, 30)", [
        queueId,
        gone.id,
      ]);
      expect(claimed.rowCount).toBe(1);
      let done = false;
      const change = set(queueId, [kept.id]).then(() => {
        done = true;
      });
      // The change must wait for the open claim (it holds the person's claim lock).
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false);
      await conn.query("COMMIT");
      await change;
    } finally {
      await conn.end();
    }
    expect(await leased(queueId, gone.id)).toBe(0);
    const items = await db().queueItem.findMany({ where: { queueId }, select: { claimedSlots: true } });
    expect(items.reduce((n, i) => n + i.claimedSlots, 0)).toBe(0);
  });

  it("after the change committed, a claim whose membership check ran before it hands nothing", async () => {
    const { queueId, set } = await make();
    const gone = await makeUser("CLINICIAN");
    const kept = await makeUser("CLINICIAN");
    await set(queueId, [gone.id, kept.id]);
    // The feature's own check passed (the person was named); the change commits; the claim runs.
    await set(queueId, [kept.id]);
    expect(await claimNextItem({ queueId, userId: gone.id, leaseMinutes: 30 })).toBeNull();
    expect(await leased(queueId, gone.id)).toBe(0);
    // The one kept still claims.
    expect(await claimNextItem({ queueId, userId: kept.id, leaseMinutes: 30 })).not.toBeNull();
  });

  it("a change that opens the list to all, or keeps the person, leaves their lease alone", async () => {
    const { queueId, set } = await make();
    const stays = await makeUser("CLINICIAN");
    await set(queueId, [stays.id]);
    expect(await claimNextItem({ queueId, userId: stays.id, leaseMinutes: 30 })).not.toBeNull();
    await set(queueId, []);
    expect(await leased(queueId, stays.id)).toBe(1);
  });
});
