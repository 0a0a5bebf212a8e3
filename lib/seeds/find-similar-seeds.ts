import "server-only";
import { db } from "@/lib/db/prisma";
import { seedSimilarityIndex } from "./similarity-cache";

export type TSimilarSeed = { id: string; score: number; instruction: string; status: string };

/** The k live seeds most similar to the text by ROUGE-L, best first (screens round the score for display). */
export async function findSimilarSeeds(opts: {
  text: string;
  excludeId?: string;
  k?: number;
  viewerId?: string;
}): Promise<TSimilarSeed[]> {
  if (!opts.text.trim()) return [];
  const matches = (await seedSimilarityIndex()).query(opts.text, opts.k ?? 5, opts.excludeId);
  if (!matches.length) return [];
  const rows = await db().seed.findMany({
    where: { id: { in: matches.map((m) => m.id) } },
    select: { id: true, instruction: true, status: true, authorId: true },
  });
  return matches.flatMap((m) => {
    const r = rows.find((x) => x.id === m.id);
    if (!r) return [];
    // Someone else's draft counts as a duplicate but its text stays private.
    const hidden = r.status === "DRAFT" && r.authorId !== opts.viewerId;
    const instruction = hidden ? "(another author's draft)" : r.instruction.slice(0, 300);
    // Unrounded: callers compare with the 0.7 threshold, and a rounded 0.7004 would pass as 0.7.
    return [{ id: r.id, score: m.score, instruction, status: r.status }];
  });
}
