import { readFileSync } from "node:fs";
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudyRoute, identityRevealingRoute } from "@/lib/studies/study-routes";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { annotationsRoute, studyStatsRoute } from "@/lib/studies/results-routes";
import { canonicalPresentation } from "@/lib/text/canonical-presentation";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";
import { apiCaller } from "../support/api-caller";

// tatsu-lab/alpaca_eval results/alpaca-7b/alpaca_eval_gpt4/annotations.json, read from
// CLINREVIEW_REAL_DATA (never copied into the project; see its SOURCE.md), and its generated
// stand-in with the same counts. Leaderboard row
// (data_AlpacaEval/alpaca_eval_gpt4_leaderboard.csv): alpaca-7b,26.45962733,1.53571147,205,584,16,805.

type TAnnotation = {
  instruction: string;
  output_1: string;
  generator_1: string;
  output_2: string;
  generator_2: string;
  preference: number;
};
type TNext = {
  assignmentId: string;
  prompt: { instruction: string };
  responses: [{ label: "A"; text: string }, { label: "B"; text: string }];
};
type TPair = {
  criterion: string;
  modelA: string;
  modelB: string;
  n: number;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  winRateA: number;
  standardError: number;
};

const caller = async (role: "ADMIN" | "CLINICIAN" | "RESEARCHER") => (await apiCaller(role)).call;

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

describeEachSource(
  "alpaca_eval/annotations.json",
  "AlpacaEval reproduction through the app",
  (ANNOTATIONS) => {
    it("805 GPT-4 annotations rated by one clinician over the API give alpaca-7b's leaderboard win rate 26.46 ± 1.54", async () => {
      const annotations = JSON.parse(readFileSync(ANNOTATIONS, "utf8")) as TAnnotation[];
      expect(annotations).toHaveLength(805);
      const baseline = "text_davinci_003";
      const model = "alpaca-7b";
      expect(new Set(annotations.map((a) => `${a.generator_1}|${a.generator_2}`))).toEqual(
        new Set([`${baseline}|${model}`]),
      );
      const byInstruction = new Map(annotations.map((a) => [a.instruction, a]));
      const byShownInstruction = new Map(annotations.map((a) => [canonicalPresentation(a.instruction), a]));
      expect(byInstruction.size).toBe(805);

      const admin = await caller("ADMIN");
      const rater = await caller("CLINICIAN");
      const researcher = await caller("RESEARCHER");

      // AlpacaEval compares a model against a baseline: the baseline is the reference, so model B,
      // and winRateA is the evaluated model's win rate.
      const created = await admin(createStudyRoute, "/api/v1/studies", {
        method: "POST",
        body: JSON.stringify({
          name: "Leaderboard reproduction",
          criteria: ["Overall"],
          design: "vs_reference",
          reference: baseline,
          ratingsPerComparison: 1,
          allowTie: true,
          allowBothBad: false,
          rationale: "off",
        }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const params = { id };
      for (const side of [1, 2] as const) {
        const rows = annotations.map((a) => ({
          instruction: a.instruction,
          output: side === 1 ? a.output_1 : a.output_2,
          generator: side === 1 ? a.generator_1 : a.generator_2,
        }));
        const imported = await admin(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
          method: "POST",
          body: JSON.stringify(rows),
          params,
        });
        expect(imported.status).toBe(200);
        expect(await imported.json()).toMatchObject({
          imported: 805,
          newPrompts: side === 1 ? 805 : 0,
          unmatched: [],
        });
      }
      // A leaderboard reproduction rates every pair, outputs that name their model included (held back by default).
      const included = await admin(identityRevealingRoute, `/api/v1/studies/${id}/identity-revealing`, {
        method: "PUT",
        body: JSON.stringify({ include: true }),
        params,
      });
      expect(included.status).toBe(200);
      const started = await admin(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params });
      expect(started.status).toBe(200);
      expect(await started.json()).toMatchObject({
        comparisons: 805,
        attentionChecks: 0,
        skippedPrompts: [],
      });

      // The clinician answers each comparison as the GPT-4 annotator did, knowing only the texts.
      let rated = 0;
      const shownLeft = new Map<string, number>();
      for (;;) {
        const res = await rater(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, {
          method: "POST",
          params,
        });
        // 204: nothing is left for this rater.
        if (res.status === 204) break;
        expect(res.status).toBe(200);
        const a = (await res.json()) as TNext;
        const ann = byShownInstruction.get(a.prompt.instruction);
        if (!ann) throw new Error(`unknown prompt ${a.prompt.instruction.slice(0, 60)}`);
        // Raters see each text in its canonical presentation (lib/text/canonical-presentation.ts).
        const [left, right] = a.responses.map((r) => r.text);
        const [out1, out2] = [canonicalPresentation(ann.output_1), canonicalPresentation(ann.output_2)];
        expect(new Set([left, right])).toEqual(new Set([out1, out2]));
        let choice: "A" | "B" | "tie";
        if (ann.preference === 0)
          choice = "tie"; // AlpacaEval's legacy draw code (1.5 today)
        else {
          // Identical outputs are all draws in this file, so a decisive preference has distinct texts.
          expect(ann.output_1).not.toBe(ann.output_2);
          const preferred = ann.preference === 1 ? out1 : out2;
          choice = left === preferred ? "A" : "B";
        }
        if (ann.output_1 !== ann.output_2) {
          const leftModel = left === out1 ? ann.generator_1 : ann.generator_2;
          shownLeft.set(leftModel, (shownLeft.get(leftModel) ?? 0) + 1);
        }
        const judged = await rater(assignmentSubmitRoute, `/api/v1/assignments/${a.assignmentId}/submit`, {
          method: "POST",
          body: JSON.stringify({ choices: { overall: choice } }),
          headers: { "idempotency-key": `alpaca-${rated.toString().padStart(4, "0")}` },
          params: { id: a.assignmentId },
        });
        expect(judged.status).toBe(200);
        rated++;
        if (rated > 805) throw new Error("the queue handed out more than 805 comparisons");
      }
      expect(rated).toBe(805);
      // Sides were balanced per model over the 789 distinct-text comparisons.
      expect(Math.abs((shownLeft.get(model) ?? 0) - (shownLeft.get(baseline) ?? 0))).toBeLessThanOrEqual(40);

      const res = await researcher(studyStatsRoute, `/api/v1/studies/${id}/stats?bootstrapRounds=50`, {
        params,
      });
      expect(res.status).toBe(200);
      const stats = (await res.json()) as { pairs: TPair[] };
      expect(stats.pairs).toHaveLength(1);
      const pair = stats.pairs[0] as TPair;
      expect(pair).toMatchObject({
        criterion: "overall",
        modelA: model,
        modelB: baseline,
        n: 805,
        winsA: 205,
        winsB: 584,
        ties: 16,
        bothBad: 0,
      });
      // AlpacaEval reports percent: ties count half, standard error is sample sd / √n.
      expect((pair.winRateA * 100).toFixed(2)).toBe("26.46");
      expect((pair.standardError * 100).toFixed(2)).toBe("1.54");
      expect(pair.winRateA * 100).toBeCloseTo(26.45962733, 6);
      expect(pair.standardError * 100).toBeCloseTo(1.53571147, 6);

      // The AlpacaEval-format download has the file's orientation (output_1 = model B = baseline),
      // so it gives back the annotator's preferences, with the legacy 0 as today's 1.5.
      const dl = await researcher(
        annotationsRoute,
        `/api/v1/studies/${id}/annotations.json?criterion=overall`,
        { params },
      );
      expect(dl.status).toBe(200);
      const exported = (await dl.json()) as TAnnotation[];
      expect(exported).toHaveLength(805);
      for (const e of exported) {
        const ann = byInstruction.get(e.instruction);
        expect(e).toMatchObject({
          generator_1: baseline,
          generator_2: model,
          output_1: ann?.output_1,
          output_2: ann?.output_2,
          preference: ann?.preference === 0 ? 1.5 : ann?.preference,
        });
      }
    }, 180_000);
  },
);
