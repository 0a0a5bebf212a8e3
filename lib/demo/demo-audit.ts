import "server-only";
import { Readable } from "node:stream";
import { createCampaign } from "@/lib/audits/create-campaign";
import { nextReviewItem, submitReview } from "@/lib/audits/review-queue";
import { ZCreateCampaign, ZReview } from "@/lib/audits/schemas";
import { importDataset } from "@/lib/datasets/import-dataset";
import { acknowledgeGuidelines } from "@/lib/guidelines/acknowledge-guidelines";
import { saveGuidelines } from "@/lib/guidelines/save-guidelines";
import type { TDemoArea } from "./demo-area";
import { DEMO_RECORDS } from "./demo-audit-data";
import { DEMO_AUDIT_GUIDELINES } from "./demo-guidelines";

export const DEMO_DATASET_NAME = "Demo: generated medical Q&A (synthetic)";
const REVIEWS_IN = 3;

/** The generated dataset (imported as a pipeline would), an active campaign on it, three reviews in. */
export const demoAuditArea: TDemoArea = {
  key: "audit",
  async run(people, ctx) {
    const jsonl = DEMO_RECORDS.map(([topic, instruction, input, output]) =>
      JSON.stringify({ instruction, input, output, topic }),
    ).join("\n");
    const dataset = await importDataset(
      people.admin,
      { name: DEMO_DATASET_NAME, body: Readable.from([new TextEncoder().encode(jsonl)]) },
      ctx,
    );
    const campaign = await createCampaign(
      people.admin,
      ZCreateCampaign.parse({
        datasetId: dataset.id,
        name: "Demo audit: generated medical Q&A",
        sampleSize: 10,
        strata: "topic",
        seed: "demo",
        reviewersPerItem: 2,
      }),
      ctx,
    );
    const owner = { kind: "audit", id: campaign.id } as const;
    const { version } = await saveGuidelines(people.admin, owner, DEMO_AUDIT_GUIDELINES, ctx);
    await acknowledgeGuidelines(people.colleague, owner, version, ctx);
    // The colleague has started: accepts what is right, flags what is wrong (the demo knows which).
    for (let i = 0; i < REVIEWS_IN; i++) {
      const task = await nextReviewItem(people.colleague, campaign.id);
      if (!task) break;
      const flaw = DEMO_RECORDS.find(
        ([, instruction, input, output]) =>
          instruction === task.instruction && input === task.input && output === task.output,
      )?.[4];
      const review = flaw
        ? { verdict: "reject", flags: [flaw], rationale: "Would mislead a patient." }
        : { verdict: "accept" };
      await submitReview(
        people.colleague,
        task.assignmentId,
        ZReview.parse({ ...review, durationMs: 35_000 + 9_000 * i }),
        ctx,
      );
    }
  },
};
