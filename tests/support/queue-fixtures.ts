// The two queues the queue tests work on (undo, the queue protocol, named reviewers), built the
// same way everywhere: generated question/answer records, every item in the sample or every pair
// of two models, started and ready to claim.
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import type { apiCaller } from "./api-caller";
import { asCurrent, ctx, makeUser } from "./factories";

type TCaller = Awaited<ReturnType<typeof apiCaller>>;

/** A running audit campaign of `items` records ("Question i?" / "Answer i."), created by `admin`; its id. */
export async function openCampaign(
  admin: TCaller,
  items: number,
  opts: { name?: string; reviewersPerItem?: number } = {},
): Promise<string> {
  const lines = Array.from({ length: items }, (_, i) =>
    JSON.stringify({ instruction: `Question ${i}?`, input: "", output: `Answer ${i}.` }),
  ).join("\n");
  const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=Q", {
    method: "POST",
    body: lines,
    type: "application/x-ndjson",
  });
  const datasetId = ((await ds.json()) as { id: string }).id;
  const c = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: {
      datasetId,
      name: opts.name ?? "Queue",
      sampleFraction: 1,
      seed: 1,
      reviewersPerItem: opts.reviewersPerItem ?? 1,
    },
  });
  if (c.status !== 201) throw new Error(`campaign not created: ${c.status} ${await c.text()}`);
  return ((await c.json()) as { id: string }).id;
}

/** A started study of models m-one and m-two on `items` prompts, one criterion (Accuracy), ties allowed; its id. */
export async function startedStudy(items: number, opts: { name?: string; title?: string } = {}) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const s = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: opts.name ?? "Queue",
      ...(opts.title ? { title: opts.title } : {}),
      criteria: ["Accuracy"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      allowTie: true,
    }),
    ctx(),
  );
  for (const model of ["m-one", "m-two"]) {
    await importOutputs(
      admin,
      s.id,
      Array.from({ length: items }, (_, i) => ({
        instruction: `Question ${i}?`,
        input: "",
        model,
        text: `${model} ${i}`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, s.id, ctx());
  return s.id;
}
