// The queue protocol (issue 12), one test for both queue-backed features: claim 200/204, draft,
// skip and submit on the shared /assignments/:id routes, the one Idempotency-Key rule, and the
// 308s from the URLs before it. Each feature supplies only its fixture and payloads here.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import {
  movedNextItemRoute,
  movedSaveDraftRoute,
  movedSkipItemRoute,
  movedSubmitReviewRoute,
  nextItemRoute,
} from "@/lib/audits/review-routes";
import {
  movedSaveRatingDraftRoute,
  movedSkipRatingRoute,
  movedSubmitJudgementRoute,
  nextAssignmentRoute,
} from "@/lib/studies/rating-routes";
import { assignmentDraftRoute, assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { openApiDocument } from "@/lib/api/openapi";
import { apiCaller, type TRouteHandler } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { openCampaign, startedStudy } from "../support/queue-fixtures";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TMoved = {
  route: TRouteHandler;
  method: "POST" | "PUT";
  url: (queueId: string, assignmentId: string) => string;
  params: (queueId: string, assignmentId: string) => Record<string, string>;
  to: (queueId: string, assignmentId: string) => string;
};
type TFeature = {
  name: string;
  /** A started queue with `items` items, each for one person; returns its id. */
  queue: (items: number) => Promise<string>;
  claim: TRouteHandler;
  claimUrl: (queueId: string) => string;
  payload: Record<string, unknown>;
  otherPayload: Record<string, unknown>;
  invalidPayload: Record<string, unknown>;
  submitted: number;
  draft: Record<string, unknown>;
  moved: TMoved[];
};

const FEATURES: TFeature[] = [
  {
    name: "audits",
    queue: async (items) => openCampaign(await apiCaller("ADMIN"), items),
    claim: nextItemRoute,
    claimUrl: (id) => `/api/v1/audits/${id}/assignments/next`,
    payload: { verdict: "accept", flags: [], durationMs: 1000 },
    otherPayload: { verdict: "reject", flags: [] },
    invalidPayload: { verdict: "maybe" },
    submitted: 201,
    draft: { verdict: "revise", correctedOutput: "half", elapsedMs: 300 },
    moved: [
      {
        route: movedNextItemRoute,
        method: "POST",
        url: (q) => `/api/v1/audits/${q}/items/next`,
        params: (q) => ({ id: q }),
        to: (q) => `/api/v1/audits/${q}/assignments/next`,
      },
      {
        route: movedSaveDraftRoute,
        method: "PUT",
        url: (_q, a) => `/api/v1/assignments/${a}/review/draft`,
        params: (_q, a) => ({ id: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/draft`,
      },
      {
        route: movedSubmitReviewRoute,
        method: "POST",
        url: (_q, a) => `/api/v1/assignments/${a}/review`,
        params: (_q, a) => ({ id: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/submit`,
      },
      {
        route: movedSkipItemRoute,
        method: "POST",
        url: (_q, a) => `/api/v1/assignments/${a}/review/skip`,
        params: (_q, a) => ({ id: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/skip`,
      },
    ],
  },
  {
    name: "studies",
    queue: (items) => startedStudy(items),
    claim: nextAssignmentRoute,
    claimUrl: (id) => `/api/v1/studies/${id}/assignments/next`,
    payload: { choices: { accuracy: "A" }, durationMs: 900 },
    otherPayload: { choices: { accuracy: "B" } },
    invalidPayload: { choices: { accuracy: "gpt-4" } },
    submitted: 200,
    draft: { choices: { accuracy: "B" }, rationale: "vague", elapsedMs: 400 },
    moved: [
      {
        route: movedSaveRatingDraftRoute,
        method: "PUT",
        url: (q, a) => `/api/v1/studies/${q}/assignments/${a}/draft`,
        params: (q, a) => ({ id: q, assignmentId: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/draft`,
      },
      {
        route: movedSubmitJudgementRoute,
        method: "POST",
        url: (_q, a) => `/api/v1/assignments/${a}/judgement`,
        params: (_q, a) => ({ id: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/submit`,
      },
      {
        route: movedSkipRatingRoute,
        method: "POST",
        url: (q, a) => `/api/v1/studies/${q}/assignments/${a}/skip`,
        params: (q, a) => ({ id: q, assignmentId: a }),
        to: (_q, a) => `/api/v1/assignments/${a}/skip`,
      },
    ],
  },
];

/** The new route answering a URL the 308 points at (what a client following it reaches). */
function routeAt(url: string): TRouteHandler {
  if (url.endsWith("/assignments/next"))
    return url.startsWith("/api/v1/audits/") ? nextItemRoute : nextAssignmentRoute;
  if (url.endsWith("/submit")) return assignmentSubmitRoute;
  if (url.endsWith("/draft")) return assignmentDraftRoute;
  return assignmentSkipRoute;
}

describe.each(FEATURES)("the queue protocol: $name", (f) => {
  it("claims (200, the same lease again), autosaves, submits, and answers 204 when nothing is left", async () => {
    const queueId = await f.queue(1);
    const me = await apiCaller("CLINICIAN");
    const claim = () => me.call(f.claim, f.claimUrl(queueId), { method: "POST", params: { id: queueId } });
    const first = await claim();
    expect(first.status).toBe(200);
    const { assignmentId } = (await first.json()) as { assignmentId: string };
    expect(((await (await claim()).json()) as { assignmentId: string }).assignmentId).toBe(assignmentId);

    const params = { id: assignmentId };
    const draft = await me.call(assignmentDraftRoute, `/api/v1/assignments/${assignmentId}/draft`, {
      method: "PUT",
      body: f.draft,
      params,
    });
    expect(draft.status).toBe(204);
    expect(((await (await claim()).json()) as { draft: unknown }).draft).toMatchObject(f.draft);
    // The feature validates its own payload: a review is not a judgement and the other way round.
    const wrong = await me.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      body: f.invalidPayload,
      params,
    });
    expect(wrong.status).toBe(422);
    const done = await me.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      method: "POST",
      body: f.payload,
      params,
    });
    expect(done.status).toBe(f.submitted);
    const empty = await claim();
    expect(empty.status).toBe(204);
    expect(await empty.text()).toBe("");

    // Someone else's assignment is not found through any of the shared routes.
    const other = await apiCaller("CLINICIAN");
    expect(
      (await other.call(assignmentSubmitRoute, "/x", { method: "POST", body: f.payload, params })).status,
    ).toBe(404);
    expect((await other.call(assignmentSkipRoute, "/x", { method: "POST", params })).status).toBe(404);
    expect(
      (await other.call(assignmentDraftRoute, "/x", { method: "PUT", body: f.draft, params })).status,
    ).toBe(404);
  });

  it("Idempotency-Key: the same key and body replays the first 2xx, another body is a 422, a non-2xx is not stored", async () => {
    const queueId = await f.queue(2);
    const me = await apiCaller("CLINICIAN");
    const claim = async () =>
      (
        (await (
          await me.call(f.claim, f.claimUrl(queueId), { method: "POST", params: { id: queueId } })
        ).json()) as { assignmentId: string }
      ).assignmentId;
    const a = await claim();
    const submit = (body: unknown, key: string) =>
      me.call(assignmentSubmitRoute, `/api/v1/assignments/${a}/submit`, {
        method: "POST",
        body,
        params: { id: a },
        headers: { "idempotency-key": key },
      });

    // A refused submit (422) stores nothing under its key: the corrected retry does the work.
    expect((await submit(f.invalidPayload, "submit-key-1")).status).toBe(422);
    expect(await db().idempotencyKey.count()).toBe(0);
    const ok = await submit(f.payload, "submit-key-1");
    expect(ok.status).toBe(f.submitted);
    const okBody: unknown = await ok.json();
    // A retry measured later (durationMs) asks for the same thing: replayed, marked as such.
    const again = await submit({ ...f.payload, durationMs: 5000 }, "submit-key-1");
    expect(again.status).toBe(f.submitted);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(okBody);
    const misused = await submit(f.otherPayload, "submit-key-1");
    expect(misused.status).toBe(422);
    expect(((await misused.json()) as { detail: string }).detail).toContain("Idempotency-Key");
    for (const bad of ["short", "x".repeat(201), "with space"])
      expect((await submit(f.payload, bad)).status).toBe(400);

    // Skip and draft take a key too; the same key on another URL is another request (422).
    const b = await claim();
    const draft = (body: unknown, key: string) =>
      me.call(assignmentDraftRoute, `/api/v1/assignments/${b}/draft`, {
        method: "PUT",
        body,
        params: { id: b },
        headers: { "idempotency-key": key },
      });
    expect((await draft(f.draft, "draft-key-01")).status).toBe(204);
    const replayed = await draft(f.draft, "draft-key-01");
    expect(replayed.status).toBe(204);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect((await draft({ ...f.draft, elapsedMs: 999 }, "draft-key-01")).status).toBe(422);
    const skip = (key: string) =>
      me.call(assignmentSkipRoute, `/api/v1/assignments/${b}/skip`, {
        method: "POST",
        params: { id: b },
        headers: { "idempotency-key": key },
      });
    expect((await skip("draft-key-01")).status).toBe(422);
    expect((await skip("skip-key-001")).status).toBe(204);
    expect((await skip("skip-key-001")).headers.get("idempotent-replayed")).toBe("true");
    expect((await db().queueAssignment.findUniqueOrThrow({ where: { id: b } })).status).toBe("RELEASED");
  });

  it("the URLs before the protocol answer 308 to the new ones, which take the same method and body", async () => {
    const queueId = await f.queue(3);
    const me = await apiCaller("CLINICIAN");
    const a = (
      (await (
        await me.call(f.claim, f.claimUrl(queueId), { method: "POST", params: { id: queueId } })
      ).json()) as { assignmentId: string }
    ).assignmentId;
    const doc = openApiDocument("test") as {
      paths: Record<string, Record<string, { deprecated?: boolean }>>;
    };
    // In this order: the draft before the submit (a submitted item takes no draft), the skip last.
    for (const m of f.moved) {
      const body = m.to(queueId, a).endsWith("/draft")
        ? f.draft
        : m.to(queueId, a).endsWith("/submit")
          ? f.payload
          : undefined;
      const res = await me.call(m.route, `${m.url(queueId, a)}?via=old`, {
        method: m.method,
        body,
        params: m.params(queueId, a),
      });
      expect(res.status, m.url(queueId, a)).toBe(308);
      const location = res.headers.get("location") ?? "";
      expect(location).toBe(`${m.to(queueId, a)}?via=old`);
      // What a client following the 308 sends: the same method and body, to the new URL.
      const followed = await me.call(routeAt(m.to(queueId, a)), location, {
        method: m.method,
        body,
        params: { id: m.to(queueId, a).includes("/assignments/next") ? queueId : a },
      });
      expect(followed.status, location).toBeLessThan(300);
      const openApiPath = m.url("{id}", m.params("q", "a").assignmentId ? "{assignmentId}" : "{id}");
      expect(doc.paths[openApiPath]?.[m.method.toLowerCase()]?.deprecated, openApiPath).toBe(true);
    }
    // Someone without the feature's permission is refused before any redirect.
    const researcher = await apiCaller("RESEARCHER");
    const [first] = f.moved;
    if (!first) throw new Error("no moved route");
    expect(
      (
        await researcher.call(first.route, first.url(queueId, a), {
          method: first.method,
          params: first.params(queueId, a),
        })
      ).status,
    ).toBe(403);
  });
});
