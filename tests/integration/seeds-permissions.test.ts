import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseInput } from "@/lib/errors/parse-input";
import { createSeed } from "@/lib/seeds/create-seed";
import { getSeed } from "@/lib/seeds/get-seed";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { seedRoutes } from "@/lib/seeds/seed-routes";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { submitSeed } from "@/lib/seeds/submit-seed";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

type TRole = "ADMIN" | "CLINICIAN" | "RESEARCHER";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

/**
 * The sentence, route by route: "Clinicians write and review; admins manage vocabularies,
 * retire seeds and export; researchers read and export approved seeds" (admins also import curated
 * sets, and everyone signed in reads). Written out here rather than derived from ROLE_PERMISSIONS,
 * so a change to that table that breaks the sentence fails this test.
 */
const ALLOWED: Record<string, TRole[]> = {
  "POST /api/v1/seeds/import": ["ADMIN"],
  "GET /api/v1/seeds/export": ["ADMIN", "RESEARCHER"],
  "GET /api/v1/seeds": ["ADMIN", "CLINICIAN", "RESEARCHER"],
  "GET /api/v1/seeds/:id": ["ADMIN", "CLINICIAN", "RESEARCHER"],
  "POST /api/v1/seeds": ["CLINICIAN"],
  "GET /api/v1/seeds/similar": ["CLINICIAN"],
  "PUT /api/v1/seeds/:id": ["CLINICIAN"],
  "PUT /api/v1/seeds/:id/draft": ["CLINICIAN"],
  "DELETE /api/v1/seeds/:id/draft": ["CLINICIAN"],
  "POST /api/v1/seeds/:id/phi/redact": ["CLINICIAN"],
  "POST /api/v1/seeds/:id/submit": ["CLINICIAN"],
  "POST /api/v1/seeds/:id/review": ["CLINICIAN"],
  "POST /api/v1/seeds/:id/phi/false-positive": ["CLINICIAN"],
  "POST /api/v1/seeds/:id/retire": ["ADMIN"],
};

const PHI_TEXT = "Mr. John Smith asks about his chest pain.";

async function world() {
  const admin = await makeUser("ADMIN");
  const clinician = await makeUser("CLINICIAN");
  const colleague = await makeUser("CLINICIAN");
  const researcher = await makeUser("RESEARCHER");
  const a = asCurrent(admin);
  const topic = await addTerm(a, { kind: "TOPIC", label: "Cardiology" }, ctx());
  const view = await addTerm(a, { kind: "VIEW", label: "Patient" }, ctx());
  const type = await addTerm(a, { kind: "TYPE", label: "Open Q&A" }, ctx());
  const fields = (instruction: string, input = "") =>
    parseInput(ZSeedFields, {
      topicId: topic.id,
      viewId: view.id,
      typeId: type.id,
      instruction,
      input,
      difficulty: "2",
    });
  const mine = asCurrent(clinician);
  const theirs = asCurrent(colleague);
  const draft = await createSeed(mine, fields("Explain what an ECG shows in angina."), ctx());
  const phiDraft = await createSeed(mine, fields("Answer the patient's question.", PHI_TEXT), ctx());
  const toReview = await createSeed(theirs, fields("Describe the warning signs of a heart attack."), ctx());
  await submitSeed(theirs, toReview.id, 1, ctx());
  const phiToReview = await createSeed(
    theirs,
    fields("Reply to this message from a patient.", PHI_TEXT),
    ctx(),
  );
  await submitSeed(theirs, phiToReview.id, 1, ctx());
  const approved = await createSeed(
    theirs,
    fields("List three causes of chest pain other than the heart."),
    ctx(),
  );
  await submitSeed(theirs, approved.id, 1, ctx());
  await reviewSeed(mine, approved.id, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx());
  const finding = async (id: string, user = mine) => {
    const f = (await getSeed(user, id)).phiFindings[0];
    if (!f) throw new Error("no finding");
    return { field: f.field, fingerprint: f.fingerprint };
  };
  return {
    users: { ADMIN: admin, CLINICIAN: clinician, RESEARCHER: researcher } as const,
    ids: {
      draft: draft.id,
      phiDraft: phiDraft.id,
      toReview: toReview.id,
      phiToReview: phiToReview.id,
      approved: approved.id,
    },
    body: {
      create: {
        topicId: topic.id,
        viewId: view.id,
        typeId: type.id,
        instruction: "What does a statin do?",
        difficulty: "1",
      },
      save: {
        topicId: topic.id,
        viewId: view.id,
        typeId: type.id,
        instruction: "Explain what an ECG shows in stable angina.",
        difficulty: "2",
        baseVersion: 1,
      },
      redact: await finding(phiDraft.id),
      falsePositive: await finding(phiToReview.id),
    },
  };
}

type TCall = {
  key: string;
  path: string;
  params?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  raw?: string;
};

function calls(w: Awaited<ReturnType<typeof world>>): TCall[] {
  const { ids, body } = w;
  const file = JSON.stringify([
    {
      topic: "Cardiology",
      view: "Patient",
      type: "Open Q&A",
      instruction: "Define angina.",
      input: "<noinput>",
      difficulty: "1",
    },
  ]);
  return [
    { key: "POST /api/v1/seeds/import", path: "/api/v1/seeds/import?status=submitted", raw: file },
    { key: "GET /api/v1/seeds/export", path: "/api/v1/seeds/export?format=jsonl" },
    { key: "GET /api/v1/seeds", path: "/api/v1/seeds" },
    { key: "GET /api/v1/seeds/:id", path: `/api/v1/seeds/${ids.approved}`, params: { id: ids.approved } },
    { key: "POST /api/v1/seeds", path: "/api/v1/seeds", body: body.create },
    { key: "GET /api/v1/seeds/similar", path: "/api/v1/seeds/similar?text=angina%20chest%20pain" },
    {
      key: "PUT /api/v1/seeds/:id",
      path: `/api/v1/seeds/${ids.draft}`,
      params: { id: ids.draft },
      body: body.save,
    },
    {
      key: "PUT /api/v1/seeds/:id/draft",
      path: `/api/v1/seeds/${ids.draft}/draft`,
      params: { id: ids.draft },
      body: { baseVersion: 2, payload: { instruction: "Explain" } },
    },
    {
      key: "DELETE /api/v1/seeds/:id/draft",
      path: `/api/v1/seeds/${ids.draft}/draft`,
      params: { id: ids.draft },
    },
    {
      key: "POST /api/v1/seeds/:id/phi/redact",
      path: `/api/v1/seeds/${ids.phiDraft}/phi/redact`,
      params: { id: ids.phiDraft },
      body: body.redact,
    },
    {
      key: "POST /api/v1/seeds/:id/submit",
      path: `/api/v1/seeds/${ids.draft}/submit`,
      params: { id: ids.draft },
      body: { baseVersion: 2 },
    },
    {
      key: "POST /api/v1/seeds/:id/review",
      path: `/api/v1/seeds/${ids.toReview}/review`,
      params: { id: ids.toReview },
      body: { baseVersion: 1, decision: "APPROVE" },
    },
    {
      key: "POST /api/v1/seeds/:id/phi/false-positive",
      path: `/api/v1/seeds/${ids.phiToReview}/phi/false-positive`,
      params: { id: ids.phiToReview },
      body: body.falsePositive,
    },
    {
      key: "POST /api/v1/seeds/:id/retire",
      path: `/api/v1/seeds/${ids.approved}/retire`,
      params: { id: ids.approved },
    },
  ];
}

function routeFor(key: string) {
  const route = seedRoutes.find((r) => `${r.def.method} ${r.def.path}` === key);
  if (!route) throw new Error(`no route ${key}`);
  return route;
}

describe("who may call each seeds route", () => {
  it("lists every registered seeds route in the permission table", () => {
    expect(seedRoutes.map((r) => `${r.def.method} ${r.def.path}`).sort()).toEqual(
      Object.keys(ALLOWED).sort(),
    );
  });

  for (const role of ["ADMIN", "CLINICIAN", "RESEARCHER"] as const) {
    it(`${role.toLowerCase()}: allowed routes succeed, the others answer 403 problem+json, are recorded and change nothing`, async () => {
      const w = await world();
      const user = w.users[role];
      const { token } = await insertApiToken(db(), user.id, "t", null);
      for (const c of calls(w)) {
        const route = routeFor(c.key);
        const method = route.def.method;
        const headers: Record<string, string> = { authorization: `Bearer ${token}` };
        if (c.raw !== undefined || c.body !== undefined) headers["content-type"] = "application/json";
        const before = {
          seeds: await db().seed.count(),
          versions: await db().seedVersion.count(),
          terms: await db().vocabularyTerm.count(),
        };
        const denialsBefore = await db().auditLog.count({
          where: { actorId: user.id, action: "permission.denied" },
        });
        const res = await route.handle(
          new Request(`http://app.test${c.path}`, {
            method,
            headers,
            body: c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body)),
          }),
          c.params ? { params: Promise.resolve(c.params) } : undefined,
        );
        if (ALLOWED[c.key]?.includes(role)) {
          expect(res.status, `${role} ${c.key}: ${await res.clone().text()}`).toBeLessThan(300);
          await res.body?.cancel();
        } else {
          expect(res.status, `${role} ${c.key}`).toBe(403);
          expect(res.headers.get("content-type")).toContain("application/problem+json");
          expect(
            await db().auditLog.count({ where: { actorId: user.id, action: "permission.denied" } }),
          ).toBe(denialsBefore + 1);
          expect({
            seeds: await db().seed.count(),
            versions: await db().seedVersion.count(),
            terms: await db().vocabularyTerm.count(),
          }).toEqual(before);
        }
      }
    });
  }
});
