// Downloads go out as they are, marked no-transform so `next start`'s level-6 gzip leaves them
// alone (lib/http/download-headers.ts), whatever the client's Accept-Encoding: the same bytes.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { exportRoute, reportRoute, reviewsCsvRoute } from "@/lib/audits/result-routes";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const ITEMS = 60;

/** A campaign of ITEMS records, every one reviewed (one in five revised with a correction). */
async function reviewedCampaign() {
  const admin = await apiCaller("ADMIN");
  const lines = Array.from({ length: ITEMS }, (_, i) =>
    JSON.stringify({
      instruction: `Question ${i}: what helps a mild headache?`,
      output: `Answer ${i}: rest and water.`,
    }),
  );
  const imported = await admin.call(importDatasetRoute, "/api/v1/datasets?name=D", {
    method: "POST",
    body: lines.join("\n"),
    type: "application/x-ndjson",
  });
  expect(imported.status).toBe(201);
  const datasetId = ((await imported.json()) as { id: string }).id;
  const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, sampleSize: ITEMS, seed: "s", reviewersPerItem: 1 },
  });
  expect(created.status).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const reviewer = await apiCaller("CLINICIAN");
  for (let k = 0; ; k++) {
    const claimed = await reviewer.call(nextItemRoute, `/api/v1/audits/${id}/assignments/next`, {
      method: "POST",
      params: { id },
    });
    if (claimed.status === 204) break;
    const task = (await claimed.json()) as { assignmentId: string; output: string };
    const review =
      k % 5 === 0
        ? {
            verdict: "revise",
            correctedOutput: `${task.output} See a doctor if it persists.`,
            durationMs: 400,
          }
        : { verdict: "accept", durationMs: 400 };
    const sent = await reviewer.call(
      assignmentSubmitRoute,
      `/api/v1/assignments/${task.assignmentId}/submit`,
      {
        method: "POST",
        params: { id: task.assignmentId },
        body: review,
      },
    );
    expect(sent.status).toBe(201);
  }
  return { admin, id };
}

describe("downloads with and without Accept-Encoding: gzip", () => {
  it("sends the export, the reviews CSV and the report as the same bytes, marked no-transform", async () => {
    const { admin, id } = await reviewedCampaign();
    for (const [route, path] of [
      [exportRoute, "export"],
      [reviewsCsvRoute, "reviews.csv"],
      [reportRoute, "report"],
    ] as const) {
      const url = `/api/v1/audits/${id}/${path}`;
      const plain = await admin.call(route, url, { params: { id } });
      const asked = await admin.call(route, url, {
        params: { id },
        headers: { "accept-encoding": "gzip, deflate, br" },
      });
      expect([plain.status, asked.status]).toEqual([200, 200]);
      for (const res of [plain, asked]) {
        expect(res.headers.get("content-encoding")).toBeNull();
        expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
        expect(res.headers.get("content-disposition")).toMatch(/^attachment; /);
      }
      const plainBytes = Buffer.from(await plain.arrayBuffer());
      expect(Buffer.from(await asked.arrayBuffer()).equals(plainBytes)).toBe(true);
      if (path === "export") {
        expect(plainBytes.toString("utf8").split("\n").filter(Boolean)).toHaveLength(ITEMS);
      }
    }
  }, 120_000);
});
