import "server-only";
import { acknowledgeGuidelines } from "@/lib/guidelines/acknowledge-guidelines";
import { saveGuidelines } from "@/lib/guidelines/save-guidelines";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { ZCreateStudy, ZJudgementInput } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import type { TDemoArea } from "./demo-area";
import { DEMO_STUDY_GUIDELINES } from "./demo-guidelines";
import { DEMO_MODELS, DEMO_PROMPTS } from "./demo-study-data";

export const DEMO_STUDY_NAME = "Demo: answers to patient questions";
/** What the demo clinicians see instead of the internal name. */
export const DEMO_STUDY_TITLE = "Answers to patient questions";
/** The colleague's verdicts, in model terms, for the first comparisons they get: [correctness, helpfulness]. */
const VERDICTS = [
  ["model-alpha", "model-alpha"],
  ["model-alpha", "tie"],
  ["tie", "model-beta"],
  ["model-alpha", "model-alpha"],
] as const;

/** A blinded all-pairs study of the two models on ten prompts, started, with four judgements in. */
export const demoStudyArea: TDemoArea = {
  key: "study",
  async run(people, ctx) {
    const study = await createStudy(
      people.admin,
      ZCreateStudy.parse({
        name: DEMO_STUDY_NAME,
        title: DEMO_STUDY_TITLE,
        criteria: ["Correctness", "Helpfulness"],
        design: "all_pairs",
        ratingsPerComparison: 2,
        seed: "demo",
      }),
      ctx,
    );
    const outputs = DEMO_PROMPTS.flatMap((p) =>
      DEMO_MODELS.map((model) => ({
        instruction: p.instruction,
        input: "",
        model,
        text: model === "model-alpha" ? p.alpha : p.beta,
      })),
    );
    await importOutputs(people.admin, study.id, outputs, ctx);
    await startStudy(people.admin, study.id, ctx);
    const owner = { kind: "study", id: study.id } as const;
    const { version } = await saveGuidelines(people.admin, owner, DEMO_STUDY_GUIDELINES, ctx);
    await acknowledgeGuidelines(people.colleague, owner, version, ctx);
    for (const [correctness, helpfulness] of VERDICTS) {
      const a = await nextAssignment(people.colleague, study.id);
      if (!a) break;
      const leftModel = outputs.find((o) => o.text === a.responses[0].text)?.model;
      const shown = (m: string) => (m === "tie" ? "tie" : m === leftModel ? "A" : "B");
      const input = ZJudgementInput.parse({
        choices: { correctness: shown(correctness), helpfulness: shown(helpfulness) },
      });
      await submitJudgement(people.colleague, a.assignmentId, { ...input, durationMs: 60_000 }, ctx);
    }
  },
};
