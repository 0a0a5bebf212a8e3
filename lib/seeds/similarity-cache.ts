import "server-only";
import { db } from "@/lib/db/prisma";
import { createSimilarityIndex, type SimilarityIndex } from "@/lib/similarity";

type TCached = { key: string; index: SimilarityIndex };
const globalForIndex = globalThis as unknown as { clinreviewSeedIndex?: TCached };

/**
 * The ROUGE-L index of live seeds' instructions, rebuilt when count or max(updatedAt) changes.
 * Every save bumps updatedAt in the database, so each instance notices other instances' writes.
 */
export async function seedSimilarityIndex(): Promise<SimilarityIndex> {
  const [stamp] = await db().$queryRaw<{ n: bigint; latest: Date | null }[]>`
    SELECT count(*) AS n, max("updatedAt") AS latest FROM "Seed" WHERE status <> 'RETIRED'`;
  const key = `${stamp?.n ?? 0}:${stamp?.latest?.toISOString() ?? ""}`;
  const cached = globalForIndex.clinreviewSeedIndex;
  if (cached?.key === key) return cached.index;
  const rows = await db().seed.findMany({
    where: { status: { not: "RETIRED" } },
    select: { id: true, instruction: true },
  });
  const index = createSimilarityIndex(rows.map((r) => ({ id: r.id, text: r.instruction })));
  globalForIndex.clinreviewSeedIndex = { key, index };
  return index;
}
