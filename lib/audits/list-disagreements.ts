import "server-only";
import { db } from "@/lib/db/prisma";
import { finalVerdict } from "./final-verdict";
import { loadCampaignItems } from "./load-campaign-items";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import type { Prisma } from "@/lib/generated/prisma/client";
import { spansOf } from "./review-task";

/** Items whose reviewers disagree (or whose corrections conflict), with what each reviewer said. */
export async function listDisagreements(campaignId: string) {
  const { items, input, pseudonyms } = await loadCampaignItems(campaignId);
  const disputed = items.flatMap((it) => {
    const f = finalVerdict({
      reviewsNeeded: input.reviewersPerItem,
      reviews: it.reviews,
      adjudication: null,
    });
    return f.state === "disputed" ? [{ it, reason: f.reason }] : [];
  });
  // Texts only for the disputed items, in pages that stay clear of the bind-parameter limit.
  const texts = new Map<
    bigint,
    { instruction: string; input: string; output: string | null; context: Prisma.JsonValue }
  >();
  for (let i = 0; i < disputed.length; i += 5_000) {
    const ids = disputed.slice(i, i + 5_000).map((d) => d.it.recordId);
    for (const r of await db().datasetRecord.findMany({
      where: { id: { in: ids } },
      select: { id: true, instruction: true, input: true, output: true, context: true },
    }))
      texts.set(r.id, r);
  }
  return disputed.flatMap(({ it, reason }) => {
    const record = texts.get(it.recordId);
    if (!record) return [];
    const context = readStoredTurns(record.context);
    return [
      {
        itemId: it.id,
        reason,
        instruction: record.instruction,
        input: record.input,
        output: record.output ?? "",
        // Conversations: the turns before the output, with possible identifiers marked per turn.
        context,
        contextPhiSpans: (context ?? []).map((t) => spansOf(t.content)),
        adjudicated: it.finalVerdict
          ? { verdict: it.finalVerdict, flags: it.finalFlags, output: it.finalOutput }
          : null,
        reviews: it.reviews.map((r) => ({
          reviewer: pseudonyms.get(r.reviewerId) ?? "unknown",
          verdict: r.verdict,
          flags: r.flags,
          correctedOutput: r.correctedOutput,
          rationale: r.rationale,
        })),
      },
    ];
  });
}
