import { field } from "@/components/studies/api-fetch";

/** The default design: clinicians compare outputs on correctness and helpfulness (as AlpaCare's evaluation did). */
export const DEFAULT_CRITERIA = "Correctness, Helpfulness";

/** The POST /api/v1/studies body from the create-study form (the API validates it). */
export function createStudyBody(f: FormData) {
  const design = field(f, "design");
  return {
    name: field(f, "name"),
    // Empty: the API gives the neutral default "Study <number>".
    title: field(f, "title").trim() || undefined,
    criteria: field(f, "criteria")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
    design,
    reference: design === "vs_reference" ? field(f, "reference") : undefined,
    ratingsPerComparison: Number(f.get("ratingsPerComparison")),
    allowTie: f.get("allowTie") === "on",
    allowBothBad: f.get("allowBothBad") === "on",
    rationale: field(f, "rationale") || "optional",
    attentionCheckShare: Number(f.get("attentionCheckShare")) / 100,
    repeatShare: Number(f.get("repeatShare")) / 100,
  };
}
