import "server-only";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { defineItems, definitionsOf, mustAcknowledge } from "./definitions";
import { ownerWhere, readOwner, type TGuidelineOwner } from "./owner";
import { assertRaterAccess } from "./rater-access";
import type { TRaterGuidelines } from "./schemas";

/** The work screen's guidelines: the current version, each flag or criterion defined, and whether the caller acknowledged it. */
export async function getRaterGuidelines(
  user: TCurrentUser,
  owner: TGuidelineOwner,
): Promise<TRaterGuidelines> {
  await assertRaterAccess(user, owner);
  const client = db();
  const [state, current, ack] = await Promise.all([
    readOwner(client, owner),
    client.guidelineVersion.findFirst({
      where: ownerWhere(owner),
      orderBy: { version: "desc" },
      select: { version: true, guidelines: true, definitions: true },
    }),
    client.guidelineAck.findFirst({
      where: { userId: user.id, ...ownerWhere(owner) },
      orderBy: { version: "desc" },
      select: { version: true },
    }),
  ]);
  const version = current?.version ?? null;
  const acknowledgedVersion = ack?.version ?? null;
  return {
    version,
    guidelines: current?.guidelines ?? "",
    items: defineItems(state.items, definitionsOf(current?.definitions)),
    acknowledgedVersion,
    mustAcknowledge: mustAcknowledge(version, acknowledgedVersion),
  };
}
