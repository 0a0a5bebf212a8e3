import "server-only";
import { db } from "@/lib/db/prisma";
import { definitionsOf } from "./definitions";
import { ownerWhere, readOwner, type TGuidelineOwner } from "./owner";
import type { TGuidelineHistory } from "./schemas";

/** Every saved version, newest first, with who saved it (names resolved now), for the admin's editor. */
export async function listGuidelineVersions(owner: TGuidelineOwner): Promise<TGuidelineHistory> {
  const client = db();
  const [state, rows] = await Promise.all([
    readOwner(client, owner),
    client.guidelineVersion.findMany({
      where: ownerWhere(owner),
      orderBy: { version: "desc" },
      select: {
        version: true,
        guidelines: true,
        definitions: true,
        createdAt: true,
        createdBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    items: state.items.map(({ key, label }) => ({ key, label })),
    editable: state.status !== "CLOSED",
    versions: rows.map((r) => ({
      version: r.version,
      guidelines: r.guidelines,
      definitions: definitionsOf(r.definitions),
      createdAt: r.createdAt.toISOString(),
      createdBy: r.createdBy.name,
    })),
  };
}
