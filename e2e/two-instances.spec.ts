import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { createToken, createUser, testDb } from "./support/db";

// A second `next start` on the same database: the queue's state lives only in PostgreSQL, so
// reviewers spread over two instances get exactly what one instance would give them.
const port = Number(process.env.E2E_PORT ?? 3100) + 95;
const second = `http://127.0.0.1:${port}`;
let app: ChildProcess | undefined;

test.beforeAll(async () => {
  app = spawn(
    process.execPath,
    ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      env: {
        ...process.env,
        NEXTAUTH_SECRET: "z".repeat(40),
        NEXTAUTH_URL: second,
        NODE_ENV: "production",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${second}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the second instance did not start");
});

test.afterAll(() => {
  app?.kill();
});

test("two app instances on one database serve one audit queue as one", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const admin = await createUser("ADMIN");
  const { token: adminToken } = await createToken(admin.id);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const lines = Array.from({ length: 40 }, (_, i) =>
    JSON.stringify({ instruction: `Two-instance question ${i}?`, output: `Answer ${i}.` }),
  ).join("\n");
  const imported = await fetch(`${baseURL}/api/v1/datasets?name=two-instances`, {
    method: "POST",
    headers: { ...auth(adminToken), "content-type": "application/x-ndjson" },
    body: lines,
  });
  expect(imported.status).toBe(201);
  const { id: datasetId } = (await imported.json()) as { id: string };
  const created = await fetch(`${second}/api/v1/audits`, {
    method: "POST",
    headers: { ...auth(adminToken), "content-type": "application/json" },
    body: JSON.stringify({ datasetId, sampleSize: 20, seed: "two", reviewersPerItem: 2 }),
  });
  expect(created.status).toBe(201);
  const { id: campaignId } = (await created.json()) as { id: string };

  const reviewers = await Promise.all(
    Array.from({ length: 8 }, async () => (await createToken((await createUser("CLINICIAN")).id)).token),
  );
  const acknowledged: string[] = [];
  await Promise.all(
    reviewers.map(async (token, who) => {
      for (let n = 0; ; n++) {
        // Each request goes to either instance, as behind a load balancer without stickiness.
        const base = (who + n) % 2 ? second : (baseURL as string);
        const claim = await fetch(`${base}/api/v1/audits/${campaignId}/assignments/next`, {
          method: "POST",
          headers: auth(token),
        });
        if (claim.status === 204) return;
        expect(claim.status).toBe(200);
        const { assignmentId } = (await claim.json()) as { assignmentId: string };
        const key = randomUUID();
        const other = base === second ? (baseURL as string) : second;
        // The same submit sent twice, once to each instance: stored once.
        for (const target of [base, other]) {
          const r = await fetch(`${target}/api/v1/assignments/${assignmentId}/submit`, {
            method: "POST",
            headers: { ...auth(token), "content-type": "application/json", "idempotency-key": key },
            body: JSON.stringify({ verdict: "accept" }),
          });
          expect([200, 201]).toContain(r.status);
        }
        acknowledged.push(assignmentId);
      }
    }),
  );

  const reviews = await testDb().auditReview.findMany({
    where: { item: { campaignId } },
    select: { itemId: true, reviewerId: true, assignmentId: true },
  });
  expect(reviews).toHaveLength(40);
  expect(new Set(reviews.map((r) => r.assignmentId))).toEqual(new Set(acknowledged));
  const perItem = new Map<string, Set<string>>();
  for (const r of reviews) perItem.set(r.itemId, (perItem.get(r.itemId) ?? new Set()).add(r.reviewerId));
  expect(perItem.size).toBe(20);
  expect([...perItem.values()].every((who) => who.size === 2)).toBe(true);
});
