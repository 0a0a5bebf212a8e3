// Issue 9: the rater-facing title (checked against the study's models at creation, import, start
// and rename) and what a rater receives: the title, never the internal name or a model name.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.sid ? { sid: session.sid } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error("NOT_FOUND");
  },
  useRouter: () => ({
    push: () => {},
    replace: () => {},
    refresh: () => {},
    back: () => {},
    forward: () => {},
    prefetch: () => {},
  }),
}));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(new Headers({ "x-request-id": "req-title" })),
}));
// The panel fetches its assignment in the browser (checked below through the API); its markup is another test's.
vi.mock("@/components/studies/rating-panel", () => ({ RatingPanel: () => null }));

import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { startStudyRoute } from "@/lib/studies/status-routes";
import { createStudyRoute, getStudyRoute, setStudyTitleRoute } from "@/lib/studies/study-routes";
import HomePage, { metadata as homeMetadata } from "@/app/(app)/page";
import RatePage, { metadata as rateMetadata } from "@/app/(app)/rate/page";
import RateStudyPage, { metadata as rateStudyMetadata } from "@/app/(app)/rate/[studyId]/page";
import { ctx, makeUser, PASSWORD } from "../support/factories";
import { resetDatabase } from "../support/db";
import { apiCaller, type TRouteHandler } from "../support/api-caller";

beforeEach(async () => {
  await resetDatabase();
  session.sid = null;
});
afterAll(async () => {
  await db().$disconnect();
});

const create = (admin: Awaited<ReturnType<typeof apiCaller>>, body: Record<string, unknown>) =>
  admin.call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: { criteria: ["Accuracy"], design: "all_pairs", ratingsPerComparison: 1, ...body },
  });

const importRows = (admin: Awaited<ReturnType<typeof apiCaller>>, id: string, model: string, n = 3) =>
  admin.call(importOutputsRoute, `/api/v1/studies/${id}/outputs`, {
    method: "POST",
    params: { id },
    body: Array.from({ length: n }, (_, i) => ({
      instruction: `How is fever ${i} treated?`,
      output: `Rest and fluids, case ${i}.`,
      generator: model,
    })),
  });

type TProblem = { detail: string; errors?: Record<string, string[]> };

describe("the rater-facing title", () => {
  it("defaults to a neutral “Study N”, numbered in order of creation, and admins see name and title", async () => {
    const admin = await apiCaller("ADMIN");
    const first = (await (await create(admin, { name: "gpt-4 vs claude-2, internal" })).json()) as {
      id: string;
      number: number;
      name: string;
      title: string;
    };
    const second = (await (await create(admin, { name: "Second", title: "  Spring pilot  " })).json()) as {
      number: number;
      title: string;
    };
    const third = (await (await create(admin, { name: "Third", title: "" })).json()) as {
      number: number;
      title: string;
    };
    expect(first).toMatchObject({ number: 1, name: "gpt-4 vs claude-2, internal", title: "Study 1" });
    expect(second).toMatchObject({ number: 2, title: "Spring pilot" });
    expect(third).toMatchObject({ number: 3, title: "Study 3" });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "study.create", entityId: first.id },
    });
    expect(audit.after).toMatchObject({ name: "gpt-4 vs claude-2, internal", title: "Study 1" });
  });

  it("refuses at creation a title naming the reference model or a vendor, with a field error naming the word", async () => {
    const admin = await apiCaller("ADMIN");
    const res = await create(admin, {
      name: "x",
      title: "GPT-4 vs Claude",
      design: "vs_reference",
      reference: "claude-2",
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = (await res.json()) as TProblem;
    expect(p.errors?.title?.[0]).toContain("“gpt”");
    expect(p.errors?.title?.[0]).toContain("“claude”");
    expect(await db().study.count()).toBe(0);
  });

  it("refuses an import whose models the title names, undoing it, and lets the admin rename the title", async () => {
    const admin = await apiCaller("ADMIN");
    const { id } = (await (await create(admin, { name: "x", title: "Alpaca pilot" })).json()) as {
      id: string;
    };
    expect((await importRows(admin, id, "m-one")).status).toBe(200);
    const refused = await importRows(admin, id, "alpaca-7b");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as TProblem).errors?.title?.[0]).toContain("“alpaca”");
    expect(await db().studyOutput.count({ where: { model: "alpaca-7b" } })).toBe(0);

    const rename = (title: string) =>
      admin.call(setStudyTitleRoute, `/api/v1/studies/${id}`, {
        method: "PATCH",
        params: { id },
        body: { title },
      });
    const bad = await rename("m-one answers");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as TProblem).errors?.title?.[0]).toContain("“m-one”");
    const good = await rename("Fever pilot");
    expect(good.status).toBe(200);
    expect(await good.json()).toEqual({ title: "Fever pilot" });
    expect((await importRows(admin, id, "alpaca-7b")).status).toBe(200);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "study.set_title", entityId: id },
    });
    expect(audit).toMatchObject({ before: { title: "Alpaca pilot" }, after: { title: "Fever pilot" } });
    const clinician = await apiCaller("CLINICIAN");
    expect(
      (
        await clinician.call(setStudyTitleRoute, `/api/v1/studies/${id}`, {
          method: "PATCH",
          params: { id },
          body: { title: "Mine" },
        })
      ).status,
    ).toBe(403);
  });

  it("refuses to start while the title names a model (a title set before the check existed)", async () => {
    const admin = await apiCaller("ADMIN");
    const { id } = (await (await create(admin, { name: "x" })).json()) as { id: string };
    for (const m of ["gpt-4", "claude-2"]) expect((await importRows(admin, id, m)).status).toBe(200);
    await db().study.update({ where: { id }, data: { title: "GPT 4 vs. Claude!" } });
    const res = await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, {
      method: "POST",
      params: { id },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as TProblem).errors?.title?.[0]).toMatch(/“gpt-4”, “claude”/);
    expect(await db().studyComparison.count()).toBe(0);
  });
});

describe("what a rater receives", () => {
  const NAME = "Internal zq-name-canary";
  const MODELS = ["zq-model-alpha", "zq-model-bravo"];

  async function signInAs(role: "CLINICIAN") {
    const user = await makeUser(role);
    const r = await signInWithPassword({ email: user.email, password: PASSWORD }, ctx());
    if (!r.ok) throw new Error("sign-in failed");
    session.sid = r.sessionId;
    return user;
  }
  // Pages render inside the app's query client, as app/providers gives them in the browser.
  const html = async (page: Promise<ReactElement>) =>
    renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, await page));

  it("is the title: never the internal name, a model name or counts per model, in API JSON, pages and metadata", async () => {
    const admin = await apiCaller("ADMIN");
    const { id } = (await (
      await create(admin, {
        name: NAME,
        title: "Fever questions",
        design: "vs_reference",
        reference: MODELS[1],
        attentionCheckShare: 0.5,
      })
    ).json()) as { id: string };
    for (const m of MODELS) expect((await importRows(admin, id, m, 4)).status).toBe(200);
    expect(
      (await admin.call(startStudyRoute, `/api/v1/studies/${id}/start`, { method: "POST", params: { id } }))
        .status,
    ).toBe(200);
    // The admin's view names both (the test's canaries are real, so their absence below means something).
    const adminView = JSON.stringify(
      await (await admin.call(getStudyRoute, `/api/v1/studies/${id}`, { params: { id } })).json(),
    );
    for (const secret of [NAME, ...MODELS]) expect(adminView).toContain(secret);

    const rater = await signInAs("CLINICIAN");
    const { token } = await insertApiToken(db(), rater.id, "t", null);
    const received: string[] = [];
    const api = async (route: TRouteHandler, url: string, params: Record<string, string>, body?: unknown) => {
      const res = await route.handle(
        new Request(`http://app.test${url}`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            ...(body ? { "content-type": "application/json" } : {}),
          },
          body: body ? JSON.stringify(body) : undefined,
        }),
        { params: Promise.resolve(params) },
      );
      received.push(`${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await res.text()}`);
      return res;
    };
    for (let i = 0; i < 10; i++) {
      const res = await api(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { id });
      if (res.status === 204) break;
      expect(res.status).toBe(200);
      const a = JSON.parse(received.at(-1)?.split("\n").at(-1) ?? "{}") as { assignmentId: string };
      await api(
        assignmentSubmitRoute,
        `/api/v1/assignments/${a.assignmentId}/submit`,
        { id: a.assignmentId },
        { choices: { accuracy: "A" } },
      );
    }
    expect(received.length).toBeGreaterThan(4);

    const pages = [
      await html(HomePage()),
      await html(RatePage()),
      await html(RateStudyPage({ params: Promise.resolve({ studyId: id }) })),
      JSON.stringify([homeMetadata, rateMetadata, rateStudyMetadata]),
    ];
    expect(pages[0]).toContain("Fever questions");
    expect(pages[1]).toContain("Fever questions");
    expect(pages[2]).toContain('<h1 class="text-2xl font-bold">Fever questions</h1>');
    for (const text of [...received, ...pages]) {
      for (const secret of [NAME, "zq-name-canary", ...MODELS, "zq-model"])
        expect(text).not.toContain(secret);
      // No count per model ("4 outputs") either.
      expect(text).not.toMatch(/\b4 outputs\b/);
    }
  });
});
