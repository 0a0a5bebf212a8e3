import { criterionKey } from "@/lib/studies/schemas";

/** One row of the criteria editor: what raters see and what it means (their hint and guidelines). */
export type TCriterionRow = { label: string; description: string };

/** The default design: clinicians compare outputs on correctness and helpfulness (as AlpaCare's evaluation did). */
export const DEFAULT_CRITERIA: TCriterionRow[] = [
  { label: "Correctness", description: "Medically accurate: no factual, dosing or safety errors." },
  { label: "Helpfulness", description: "Answers the question asked, completely and usably." },
];

/** What the create-study form holds: the text typed, the boxes ticked. */
export type TStudyFields = {
  name: string;
  title: string;
  criteria: TCriterionRow[];
  design: string;
  reference: string;
  ratingsPerComparison: string;
  attentionCheckShare: string;
  repeatShare: string;
  rationale: string;
  allowTie: boolean;
  allowBothBad: boolean;
  allocation: string;
  allocationGoal: string;
};

export const STUDY_DEFAULTS: TStudyFields = {
  name: "",
  title: "",
  criteria: DEFAULT_CRITERIA,
  design: "all_pairs",
  reference: "",
  ratingsPerComparison: "2",
  attentionCheckShare: "5",
  repeatShare: "5",
  rationale: "optional",
  allowTie: true,
  allowBothBad: true,
  allocation: "uniform",
  allocationGoal: "",
};

/** The POST /api/v1/studies body from the create-study form (ZCreateStudy judges it, here and in the API). */
export function createStudyBody(v: TStudyFields) {
  const design = v.design as "all_pairs" | "vs_reference";
  return {
    name: v.name,
    // Empty: the API gives the neutral default "Study <number>".
    title: v.title.trim() || undefined,
    // Rows as the API's structured criteria; the key is what judgements store, from the name.
    criteria: v.criteria.map((c) => ({
      key: criterionKey(c.label.trim()),
      label: c.label,
      description: c.description,
    })),
    design,
    reference: design === "vs_reference" ? v.reference : undefined,
    ratingsPerComparison: Number(v.ratingsPerComparison),
    allowTie: v.allowTie,
    allowBothBad: v.allowBothBad,
    rationale: (v.rationale || "optional") as "off" | "optional" | "required",
    attentionCheckShare: Number(v.attentionCheckShare) / 100,
    repeatShare: Number(v.repeatShare) / 100,
    allocation: (v.allocation || "uniform") as "uniform" | "adaptive",
    // Empty: no goal chosen; ZCreateStudy then asks for one when the allocation is adaptive.
    allocationGoal: v.allocation === "adaptive" ? (v.allocationGoal as "ranking" | "ratings") || null : null,
  };
}
