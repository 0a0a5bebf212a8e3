import "server-only";
import { finalVerdict } from "./final-verdict";
import { loadCampaignItems } from "./load-campaign-items";

/** Items whose reviewers disagree (or whose corrections conflict), with what each reviewer said. */
export async function listDisagreements(campaignId: string) {
  const { items, input, pseudonyms } = await loadCampaignItems(campaignId);
  return items.flatMap((it) => {
    const f = finalVerdict({
      reviewsNeeded: input.reviewersPerItem,
      reviews: it.reviews,
      adjudication: null,
    });
    if (f.state !== "disputed") return [];
    return [
      {
        itemId: it.id,
        reason: f.reason,
        instruction: it.record.instruction,
        input: it.record.input,
        output: it.record.output ?? "",
        adjudicated: it.finalVerdict ? { verdict: it.finalVerdict, flags: it.finalFlags, output: it.finalOutput } : null,
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
