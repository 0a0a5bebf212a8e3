// Downloads go out as they are, marked no-transform so `next start`'s level-6 gzip leaves them
// alone (lib/http/download-headers.ts), whatever the client's Accept-Encoding: the same bytes.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { exportRoute, reportRoute, reviewsCsvRoute } from "@/lib/audits/result-routes";
import { apiCaller } from "../support/api-caller";
import { expectPlainDownload, reviewedCampaign } from "../support/export-fixtures";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const ITEMS = 60;

/** A campaign of ITEMS records, every one reviewed (one in five revised with a correction). */
async function reviewedCampaignOfItems() {
  const admin = await apiCaller("ADMIN");
  const lines = Array.from({ length: ITEMS }, (_, i) =>
    JSON.stringify({
      instruction: `Question ${i}: what helps a mild headache?`,
      output: `Answer ${i}: rest and water.`,
    }),
  );
  const { id } = await reviewedCampaign(admin, lines.join("\n"), {
    query: "name=D",
    sampleSize: ITEMS,
    review: (k, output) =>
      k % 5 === 0
        ? { verdict: "revise", correctedOutput: `${output} See a doctor if it persists.`, durationMs: 400 }
        : { verdict: "accept", durationMs: 400 },
  });
  return { admin, id };
}

describe("downloads with and without Accept-Encoding: gzip", () => {
  it("sends the export, the reviews CSV and the report as the same bytes, marked no-transform", async () => {
    const { admin, id } = await reviewedCampaignOfItems();
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
      for (const res of [plain, asked]) expectPlainDownload(res, url);
      const plainBytes = Buffer.from(await plain.arrayBuffer());
      expect(Buffer.from(await asked.arrayBuffer()).equals(plainBytes)).toBe(true);
      if (path === "export") {
        expect(plainBytes.toString("utf8").split("\n").filter(Boolean)).toHaveLength(ITEMS);
      }
    }
  }, 120_000);
});
