export type TItemReview = {
  reviewerId: string;
  verdict: string;
  flags: string[];
  correctedOutput: string | null;
};
export type TItemForVerdict = {
  reviewsNeeded: number;
  reviews: TItemReview[];
  adjudication: { verdict: string; flags: string[]; output: string | null } | null;
};
export type TFinal =
  | { state: "final"; verdict: string; flags: string[]; correction: string | null; adjudicated: boolean }
  | { state: "disputed"; reason: string }
  | { state: "pending" };

/**
 * Final verdict = the admin's adjudication, else the reviewers' verdict when all of them agree
 * (once every needed review is in). A unanimous "revise" with different corrections is disputed:
 * conflicting corrections go to adjudication first. A flag counts when at least half the
 * reviewers set it.
 */
export function finalVerdict(item: TItemForVerdict): TFinal {
  if (item.adjudication) {
    return {
      state: "final",
      verdict: item.adjudication.verdict,
      flags: item.adjudication.flags,
      correction: item.adjudication.output,
      adjudicated: true,
    };
  }
  const reviews = item.reviews;
  if (reviews.length === 0 || reviews.length < item.reviewsNeeded) return { state: "pending" };
  const verdicts = new Set(reviews.map((r) => r.verdict));
  if (verdicts.size > 1) return { state: "disputed", reason: "verdicts differ" };
  const verdict = reviews[0]?.verdict ?? "";
  const corrections = new Set(reviews.map((r) => r.correctedOutput).filter((c): c is string => c !== null));
  if (verdict === "revise" && corrections.size > 1)
    return { state: "disputed", reason: "corrections differ" };
  const counts = new Map<string, number>();
  for (const r of reviews) for (const f of new Set(r.flags)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const flags = [...counts]
    .filter(([, n]) => n * 2 >= reviews.length)
    .map(([f]) => f)
    .sort();
  return {
    state: "final",
    verdict,
    flags,
    correction: verdict === "revise" ? ([...corrections][0] ?? null) : null,
    adjudicated: false,
  };
}
