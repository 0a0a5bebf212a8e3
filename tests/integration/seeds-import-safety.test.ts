import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const clean = {
  topic: "Cardiology",
  view: "Patient",
  type: "Chat",
  instruction: "Explain angina to me.",
  input: "<noinput>",
  difficulty: "2",
};
const withPhi = {
  ...clean,
  instruction: "Summarise this referral letter for the patient.",
  input: "Mr. John Smith, DOB 03/04/1961, MRN 12345678, was seen in clinic with exertional chest pain.",
};

async function setup() {
  const admin = await makeUser("ADMIN");
  for (const [kind, label] of [
    ["TOPIC", "Cardiology"],
    ["VIEW", "Patient"],
    ["TYPE", "Chat"],
  ] as const) {
    await addTerm(asCurrent(admin), { kind, label }, ctx());
  }
  const { token } = await insertApiToken(db(), admin.id, "pipeline", null);
  return { admin, token };
}

function post(token: string, body: string, query: string, headers: Record<string, string> = {}) {
  return importSeedsRoute.handle(
    new Request(`http://app.test/api/v1/seeds/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
    }),
  );
}

describe("importing as approved never approves possible patient identifiers", () => {
  it("holds a record with a name, date of birth and MRN as submitted, with its findings open", async () => {
    const { token } = await setup();
    const file = JSON.stringify([clean, withPhi]);

    const dry = await post(token, file, "dryRun=1&status=approved");
    expect(dry.status).toBe(200);
    const dryBody = (await dry.json()) as { approved: number; heldForReview: unknown[] };
    expect(dryBody.heldForReview).toEqual([{ record: 2 }]);
    expect(await db().seed.count()).toBe(0);

    const res = await post(token, file, "status=approved");
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      approved: number;
      heldForReview: { record: number; seedId: string }[];
      phiWarnings: { record: number; field: string; kind: string }[];
    };
    expect(body.approved).toBe(1);
    expect(body.heldForReview).toEqual([{ record: 2, seedId: expect.any(String) as string }]);
    expect(new Set(body.phiWarnings.map((w) => w.kind))).toEqual(
      new Set(["person_name", "date_of_birth", "record_number"]),
    );
    expect(body.phiWarnings.every((w) => w.record === 2 && w.field === "input")).toBe(true);
    // The response names kinds and places, never the identifiers themselves.
    expect(JSON.stringify(body)).not.toContain("John Smith");

    const held = await db().seed.findUniqueOrThrow({ where: { id: body.heldForReview[0]?.seedId ?? "" } });
    expect(held).toMatchObject({ status: "SUBMITTED", approvedAt: null, approvedById: null });
    expect((await db().seed.findFirstOrThrow({ where: { instruction: clean.instruction } })).status).toBe(
      "APPROVED",
    );
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "seed.import" } });
    expect(audit.after).toMatchObject({ status: "approved", approved: 1, heldForReview: 1 });

    // Export carries only approved seeds: the identifiers do not leave.
    const exported = await exportSeedsRoute.handle(
      new Request("http://app.test/api/v1/seeds/export?format=jsonl", {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const text = await exported.text();
    expect(text.trim().split("\n")).toHaveLength(1);
    expect(text).not.toContain("12345678");

    // The held seed goes through the ordinary approval check: a reviewer cannot approve it as it stands.
    const reviewer = asCurrent(await makeUser("CLINICIAN"));
    await expect(
      reviewSeed(reviewer, held.id, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("an import as submitted holds nothing back: every seed waits for review anyway", async () => {
    const { token } = await setup();
    const res = await post(token, JSON.stringify([clean, withPhi]), "status=submitted");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ approved: 0, heldForReview: [] });
    expect(await db().seed.count({ where: { status: "SUBMITTED" } })).toBe(2);
  });
});

describe("Idempotency-Key on import", () => {
  it("a retried import answers the first result and stores nothing twice", async () => {
    const { admin, token } = await setup();
    const file = JSON.stringify([clean, { ...clean, instruction: "What is a troponin test for?" }]);
    const key = { "idempotency-key": "pipeline-run-42:import" };

    const first = await post(token, file, "status=approved", key);
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const firstBody = (await first.json()) as { batchId: string; count: number };

    const retry = await post(token, file, "status=approved", key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await retry.json()).toEqual(firstBody);
    expect(await db().seed.count()).toBe(2);
    expect(await db().auditLog.count({ where: { action: "seed.import" } })).toBe(1);
    expect(await db().idempotencyKey.count({ where: { userId: admin.id, scope: "seeds-import" } })).toBe(1);

    // Two retries racing each other: the vocabulary lock serialises them, the second replays.
    const raced = await Promise.all([
      post(token, file, "status=approved", key),
      post(token, file, "status=approved", key),
    ]);
    for (const r of raced) expect(((await r.json()) as { batchId: string }).batchId).toBe(firstBody.batchId);
    expect(await db().seed.count()).toBe(2);

    // The same key for another file (or other options) is a client bug, refused without importing.
    const other = await post(
      token,
      JSON.stringify([{ ...clean, instruction: "Define angina pectoris." }]),
      "status=approved",
      key,
    );
    expect(other.status).toBe(422);
    expect(other.headers.get("content-type")).toContain("application/problem+json");
    expect((await post(token, file, "status=submitted", key)).status).toBe(422);
    expect(await db().seed.count()).toBe(2);

    // Without the key (or with a new one) the same file is refused record by record as exact duplicates.
    const again = await post(token, file, "status=approved", { "idempotency-key": "pipeline-run-43" });
    expect(again.status).toBe(422);
    const againBody = (await again.json()) as {
      recordErrors: { record: number; field: string; message: string }[];
    };
    expect(againBody.recordErrors.map((e) => e.record)).toEqual([1, 2]);
    expect(againBody.recordErrors[0]?.message).toMatch(/^Exact duplicate of seed /);
    expect(await db().idempotencyKey.count()).toBe(1);

    const bad = await post(token, file, "", { "idempotency-key": "not a valid key!" });
    expect(bad.status).toBe(400);
    expect(await db().seed.count()).toBe(2);
  });

  it("keys are per user, and dry runs neither use nor spend them", async () => {
    const { token } = await setup();
    const file = JSON.stringify([clean]);
    const key = { "idempotency-key": "nightly-import" };
    expect((await post(token, file, "dryRun=1", key)).status).toBe(200);
    expect(await db().idempotencyKey.count()).toBe(0);
    expect((await post(token, file, "", key)).status).toBe(201);

    const otherAdmin = await makeUser("ADMIN");
    const { token: otherToken } = await insertApiToken(db(), otherAdmin.id, "other", null);
    // Another user's identical key is not a replay: this import runs and meets the duplicate check.
    const res = await post(otherToken, file, "", key);
    expect(res.status).toBe(422);
    expect(res.headers.get("idempotent-replayed")).toBeNull();
  });
});
