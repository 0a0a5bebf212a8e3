import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TCurrentUser } from "@/lib/auth/sessions";
import type { TRequestContext } from "@/lib/http/request-context";
import { QUEUE_TX_OPTIONS, leftOutClaimers, lockClaimsOf, releaseLeasesExcept } from "@/lib/queue";
import { checkRaters } from "@/lib/studies/check-raters";

/**
 * Names the clinicians who may rate (an empty list opens the study to every clinician). Allowed
 * until the study closes, so a rater who drops out can be replaced. One transaction, as for a
 * campaign's reviewers (lib/audits/set-campaign-reviewers.ts): the list, the release of every live
 * lease held by someone it leaves out (after waiting for a claim of theirs that is running), and
 * the audit row. The claim rule (queue_open_to) reads the list, so a later claim gets nothing.
 */
export async function setStudyRaters(
  user: TCurrentUser,
  studyId: string,
  raterIds: readonly string[],
  ctx: TRequestContext,
) {
  return db().$transaction(async (tx) => {
    // Locks the study row: two admins saving at once apply one after the other.
    const [study] = await tx.$queryRaw<{ status: string }[]>`
      SELECT status::text AS status FROM "Study" WHERE id = ${studyId}::uuid FOR NO KEY UPDATE`;
    if (!study) throw notFound("Study");
    if (study.status === "CLOSED") throw new AppError("CONFLICT", "The study is closed");
    const ids = await checkRaters(tx, raterIds);
    const before = (await tx.studyRater.findMany({ where: { studyId }, select: { userId: true } }))
      .map((r) => r.userId)
      .sort();
    await lockClaimsOf(tx, studyId, await leftOutClaimers(tx, before, ids));
    await tx.studyRater.deleteMany({ where: { studyId } });
    if (ids.length) await tx.studyRater.createMany({ data: ids.map((userId) => ({ studyId, userId })) });
    const released = ids.length ? await releaseLeasesExcept(tx, studyId, ids) : [];
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "study.set_raters",
      entityType: "study",
      entityId: studyId,
      before: { raterIds: before },
      after: { raterIds: [...ids].sort(), releasedAssignmentIds: released.map((r) => r.id) },
    });
    return { raterIds: ids };
  }, QUEUE_TX_OPTIONS);
}
