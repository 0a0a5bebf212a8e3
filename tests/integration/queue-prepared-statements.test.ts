// The queue's hot statements run as named prepared statements (issue 13, capacity): PostgreSQL
// parses and plans each once per connection instead of on every request (lib/db/prepared-name.ts).
// Fails on a build that sends them unnamed.
import pg from "pg";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { processTokenCache } from "@/lib/auth/token-cache-process";
import { importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";

type TQuery = (...args: unknown[]) => unknown;
const proto = pg.Client.prototype as unknown as { query: TQuery };
const original = proto.query;
let sent: { text: string; name: string | null }[] = [];

beforeEach(async () => {
  await resetDatabase();
  proto.query = function recorded(this: unknown, ...args: unknown[]): unknown {
    const first = args[0];
    const config =
      typeof first === "string" ? { text: first } : (first as { text?: unknown; name?: unknown });
    sent.push({
      text: typeof config.text === "string" ? config.text : "",
      name: typeof config.name === "string" ? config.name : null,
    });
    return original.apply(this, args);
  };
});
afterEach(() => {
  proto.query = original;
});
afterAll(async () => {
  await db().$disconnect();
});

describe("prepared statements on the queue's hot path", () => {
  it("names every statement of a claim and of a keyed submit except BEGIN and COMMIT, one name per text", async () => {
    const admin = await apiCaller("ADMIN");
    const ds = await admin.call(importDatasetRoute, "/api/v1/datasets?name=P", {
      method: "POST",
      body: [1, 2, 3]
        .map((n) => JSON.stringify({ instruction: `Q${n}?`, input: "", output: "A." }))
        .join("\n"),
      type: "application/x-ndjson",
    });
    const datasetId = ((await ds.json()) as { id: string }).id;
    const c = await admin.call(createCampaignRoute, "/api/v1/audits", {
      method: "POST",
      body: { datasetId, name: "Prepared", sampleFraction: 1, seed: 1, reviewersPerItem: 1 },
    });
    const campaignId = ((await c.json()) as { id: string }).id;
    const me = await apiCaller("CLINICIAN");
    // The token cache's LISTEN (started by the first request) is on a connection of its own and
    // unnamed: waited for here so it is not sent inside a round. Once it listens, the token read
    // (a named statement) leaves the rounds: the claim is 1 statement and the submit one fewer.
    expect(await processTokenCache()?.whenListening()).toBe(true);
    const names = new Map<string, string>();
    let firstRound = 0;
    for (let round = 0; round < 2; round++) {
      sent = [];
      const claimed = await me.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
        method: "POST",
        params: { id: campaignId },
      });
      expect(claimed.status).toBe(200);
      const { assignmentId } = (await claimed.json()) as { assignmentId: string };
      const submitted = await me.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
        method: "POST",
        body: { verdict: "accept", flags: [] },
        params: { id: assignmentId },
        headers: { "idempotency-key": `prepared-${round}-key` },
      });
      expect(submitted.status).toBe(201);
      const work = sent.filter((s) => !/^\s*(BEGIN|COMMIT)\s*$/i.test(s.text));
      // The first round also touches the token's lastUsedAt through Prisma (once a minute).
      const hot = work.filter((s) => !s.text.includes('UPDATE "public"."ApiToken"'));
      expect(hot.length).toBeGreaterThanOrEqual(6);
      expect(hot.filter((s) => s.name === null).map((s) => s.text.slice(0, 80))).toEqual([]);
      for (const s of hot) {
        const name = s.name as string;
        // A name stands for one text only (pg refuses a name reused for another text).
        expect(names.get(name) ?? s.text).toBe(s.text);
        names.set(name, s.text);
      }
      if (round === 0) firstRound = names.size;
    }
    // The second round reused the first round's names: the same texts, prepared once.
    expect(names.size).toBe(firstRound);
  });
});
