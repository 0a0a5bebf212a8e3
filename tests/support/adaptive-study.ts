// A started adaptive study built in-process (no HTTP): `models` × `prompts`, every pair of models
// on every prompt, one rating per comparison, one criterion (Quality). For the adaptive claim's
// SQL tests, which then shape the queue's state directly.
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { startStudy } from "@/lib/studies/start-study";
import { asCurrent, ctx, makeUser } from "./factories";

export async function startedAdaptiveStudy(
  models: number,
  prompts: number,
  over: Record<string, unknown> = {},
) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const s = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Adaptive",
      criteria: ["Quality"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      allocation: "adaptive",
      allocationGoal: "ranking",
      seed: "adaptive-sql",
      ...over,
    }),
    ctx(),
  );
  for (let m = 0; m < models; m++) {
    await importOutputs(
      admin,
      s.id,
      Array.from({ length: prompts }, (_, p) => ({
        instruction: `Case ${p}: what would you advise?`,
        input: "",
        model: `model-${m}`,
        text: `Advice ${p}, version ${m}.`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, s.id, ctx());
  return s.id;
}
