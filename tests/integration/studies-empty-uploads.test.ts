// An empty upload says it is empty, for study outputs and judge annotations alike, and changes nothing.
import { afterAll, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudyRoute } from "@/lib/studies/study-routes";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { importJudgeRoute } from "@/lib/studies/judge-routes";
import { resetDatabase } from "../support/db";
import { apiCaller } from "../support/api-caller";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

it("refuses an empty outputs or annotations file with a 422 that says it is empty", async () => {
  const { call } = await apiCaller("ADMIN");
  const created = await call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: { name: "Empty", criteria: ["Accuracy"], design: "all_pairs" },
  });
  const { id } = (await created.json()) as { id: string };
  for (const [route, path, type, body] of [
    [importOutputsRoute, "outputs", "application/x-ndjson", ""],
    [importOutputsRoute, "outputs", "application/json", "  \n"],
    [importJudgeRoute, "judge-annotations?judge=gpt-4&criterion=accuracy", "application/json", ""],
  ] as const) {
    const res = await call(route, `/api/v1/studies/${id}/${path}`, {
      method: "POST",
      type,
      body,
      params: { id },
    });
    expect(res.status, `${path} ${type}`).toBe(422);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/^The file is empty/);
  }
  expect(await db().studyOutput.count()).toBe(0);
});
