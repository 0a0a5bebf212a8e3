// Downloads are gzipped by the route at a fast level when the client takes gzip (lib/http/gzip-
// download.ts), instead of by `next start` at level 6: the bytes must be the same either way.
import { gunzipSync } from "node:zlib";
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
  it("gzips the export, the reviews CSV and the report itself, and the bytes match the plain answer", async () => {
    const { admin, id } = await reviewedCampaign();
    for (const [route, path] of [
      [exportRoute, "export"],
      [reviewsCsvRoute, "reviews.csv"],
      [reportRoute, "report"],
    ] as const) {
      const url = `/api/v1/audits/${id}/${path}`;
      const plain = await admin.call(route, url, { params: { id } });
      const zipped = await admin.call(route, url, {
        params: { id },
        headers: { "accept-encoding": "gzip, deflate, br" },
      });
      const refused = await admin.call(route, url, {
        params: { id },
        headers: { "accept-encoding": "gzip;q=0" },
      });
      expect([plain.status, zipped.status, refused.status]).toEqual([200, 200, 200]);
      expect(plain.headers.get("content-encoding")).toBeNull();
      expect(refused.headers.get("content-encoding")).toBeNull();
      expect(zipped.headers.get("content-encoding")).toBe("gzip");
      expect(zipped.headers.get("vary")).toContain("accept-encoding");
      expect(zipped.headers.get("content-disposition")).toBe(plain.headers.get("content-disposition"));
      const plainBytes = Buffer.from(await plain.arrayBuffer());
      const zippedBytes = Buffer.from(await zipped.arrayBuffer());
      expect(zippedBytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
      expect(gunzipSync(zippedBytes).equals(plainBytes)).toBe(true);
      expect(Buffer.from(await refused.arrayBuffer()).equals(plainBytes)).toBe(true);
      if (path === "export") {
        expect(plainBytes.toString("utf8").split("\n").filter(Boolean)).toHaveLength(ITEMS);
        expect(zippedBytes.length).toBeLessThan(plainBytes.length);
      }
    }
  }, 120_000);
});
