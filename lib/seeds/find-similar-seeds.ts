import "server-only";
import { db } from "@/lib/db/prisma";
import { seedSimilarityIndex } from "./similarity-cache";

export type TSimilarSeed = { id: string; score: number; instruction: string; status: string };

/**
 * The k live seeds most similar to the text by ROUGE-L, best first (screens round the score for
 * display). Another author's draft is private: it is neither shown nor counted, since even its id
 * and score would be an oracle for its text; it meets the duplicate check when it is submitted.
 */
export async function findSimilarSeeds(opts: {
  text: string;
  excludeId?: string;
  k?: number;
  viewerId?: string;
}): Promise<TSimilarSeed[]> {
  if (!opts.text.trim()) return [];
  const k = opts.k ?? 5;
  const index = await seedSimilarityIndex();
  // Asked for more than k, so that the drafts left out below do not shorten the list.
  for (let want = k * 4; ; want *= 4) {
    const matches = index.query(opts.text, want, opts.excludeId);
    if (!matches.length) return [];
    const rows = await db().seed.findMany({
      where: {
        id: { in: matches.map((m) => m.id) },
        OR: [{ status: { not: "DRAFT" } }, ...(opts.viewerId ? [{ authorId: opts.viewerId }] : [])],
      },
      select: { id: true, instruction: true, status: true },
    });
    const visible = matches.flatMap((m) => {
      const r = rows.find((x) => x.id === m.id);
      // Unrounded: callers compare with the 0.7 threshold, and a rounded 0.7004 would pass as 0.7.
      return r
        ? [{ id: r.id, score: m.score, instruction: r.instruction.slice(0, 300), status: r.status }]
        : [];
    });
    if (visible.length >= k || matches.length < want) return visible.slice(0, k);
  }
}
