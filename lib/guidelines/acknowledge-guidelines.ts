import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { conflict } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { assertRaterAccess } from "./rater-access";
import { currentVersion, ownerWhere, type TGuidelineOwner } from "./owner";

/**
 * The rater's "I have read version N": only the current version can be acknowledged (one read
 * before a newer save would be stale); a repeat is a no-op. Recorded with the time, and audited.
 */
export async function acknowledgeGuidelines(
  user: TCurrentUser,
  owner: TGuidelineOwner,
  version: number,
  ctx: TRequestContext,
): Promise<{ acknowledgedVersion: number }> {
  await assertRaterAccess(user, owner);
  return db().$transaction(async (tx) => {
    const current = await currentVersion(tx, owner);
    if (current !== version)
      throw conflict(
        current === null
          ? "There are no guidelines to acknowledge"
          : `The guidelines are now at version ${current}: read them again`,
        { currentVersion: current },
      );
    const where = { userId: user.id, ...ownerWhere(owner), version };
    // Two acknowledgements at once (a double click, a second tab): the unique index keeps one row
    // and the other insert does nothing, so neither answers an error and the trail has one row.
    const { count } = await tx.guidelineAck.createMany({ data: [where], skipDuplicates: true });
    if (count === 1) {
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: owner.kind === "audit" ? "audit.acknowledge_guidelines" : "study.acknowledge_guidelines",
        entityType: owner.kind === "audit" ? "audit_campaign" : "study",
        entityId: owner.id,
        after: { version },
      });
    }
    return { acknowledgedVersion: version };
  });
}
