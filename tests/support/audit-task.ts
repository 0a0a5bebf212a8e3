// A one-record campaign through the API and a reviewer's claim of it: the start of every test of
// what a reviewer writes.
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { apiCaller } from "./api-caller";

export type TClaimedTask = {
  assignmentId: string;
  output: string;
  phiSpans: Record<string, { kind: string; start: number; end: number }[]>;
};

export async function claimAuditTask(record: { instruction: string; input: string; output: string }) {
  const admin = await apiCaller("ADMIN");
  const reviewer = await apiCaller("CLINICIAN");
  const imported = await importDatasetRoute.handle(
    new Request("http://app.test/api/v1/datasets?name=Gen", {
      method: "POST",
      headers: { authorization: `Bearer ${admin.token}`, "content-type": "application/x-ndjson" },
      body: JSON.stringify(record),
    }),
  );
  const datasetId = ((await imported.json()) as { id: string }).id;
  const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, sampleSize: 1, seed: "s", reviewersPerItem: 1 },
  });
  const campaignId = ((await created.json()) as { id: string }).id;
  const next = await reviewer.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
    method: "POST",
    params: { id: campaignId },
  });
  const task = (await next.json()) as TClaimedTask;
  return { admin, reviewer, campaignId, task };
}
