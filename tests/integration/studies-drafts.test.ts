import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import { nextAssignmentRoute } from "@/lib/studies/rating-routes";
import { assignmentDraftRoute, assignmentSkipRoute, assignmentSubmitRoute } from "@/lib/queue/routes";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type THandler = {
  handle: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
};
type TNext = {
  assignmentId: string | null;
  prompt: { instruction: string };
  draft: unknown;
  responses: { text: string }[];
};
/** 204 when nothing is left: read as no assignment. */
const claimed = async (res: Response) =>
  res.status === 204 ? ({ assignmentId: null } as TNext) : ((await res.json()) as TNext);

const CANARIES = ["zz-canary-one", "zz-canary-two"];

async function rater() {
  const user = await makeUser("CLINICIAN");
  const { token } = await insertApiToken(db(), user.id, "t", null);
  const call = (
    route: THandler,
    url: string,
    init: {
      method?: string;
      body?: unknown;
      params?: Record<string, string>;
      headers?: Record<string, string>;
    } = {},
  ) =>
    route.handle(
      new Request(`http://app.test${url}`, {
        method: init.method ?? "POST",
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
      { params: Promise.resolve(init.params ?? {}) },
    );
  return { user, call };
}

async function study(prompts: number, over: Record<string, unknown> = {}) {
  const admin = asCurrent(await makeUser("ADMIN"));
  const s = await createStudy(
    admin,
    ZCreateStudy.parse({
      name: "Drafts",
      criteria: ["Accuracy", "Safety"],
      design: "all_pairs",
      ratingsPerComparison: 1,
      allowBothBad: false,
      ...over,
    }),
    ctx(),
  );
  for (const model of CANARIES) {
    await importOutputs(
      admin,
      s.id,
      Array.from({ length: prompts }, (_, i) => ({
        instruction: `Question ${i}?`,
        input: "",
        model,
        text: `answer ${i}`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, s.id, ctx());
  return { admin, id: s.id };
}

describe("rating drafts and skips", () => {
  it("autosaves a half-filled rating in shown labels, hands it back on reload, and refuses bad drafts changing nothing", async () => {
    const { id } = await study(2);
    const r = await rater();
    const next = async () =>
      claimed(
        await r.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { params: { id } }),
      );
    const a = await next();
    expect(a.draft).toBeNull();
    const assignmentId = a.assignmentId ?? "";
    const params = { id: assignmentId };
    const url = `/api/v1/assignments/${assignmentId}/draft`;

    const saved = await r.call(assignmentDraftRoute, url, {
      method: "PUT",
      body: { choices: { accuracy: "B" }, rationale: "left is vague", elapsedMs: 4200 },
      params,
    });
    expect(saved.status).toBe(204);
    const again = await next();
    expect(again.assignmentId).toBe(assignmentId);
    expect(again.draft).toEqual({ choices: { accuracy: "B" }, rationale: "left is vague", elapsedMs: 4200 });
    // Blinding: the stored draft is exactly what the rater sent, in their labels; no model name.
    const row = await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    for (const c of CANARIES) expect(JSON.stringify(row.draft)).not.toContain(c);
    expect(JSON.stringify(again)).not.toContain("zz-canary");

    const bad = [
      { choices: { accuracy: "gpt-4" } },
      { choices: { safety: "both_bad" } },
      { choices: { nonsense: "A" } },
      { choices: {}, rationale: "x".repeat(5001) },
    ];
    for (const body of bad) {
      const res = await r.call(assignmentDraftRoute, url, { method: "PUT", body, params });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    const unchanged = await db().queueAssignment.findUniqueOrThrow({ where: { id: assignmentId } });
    expect(unchanged.draft).toEqual(row.draft);

    // Someone else's assignment, or an unknown one, is not found.
    const other = await rater();
    expect(
      (await other.call(assignmentDraftRoute, url, { method: "PUT", body: { choices: {} }, params })).status,
    ).toBe(404);
    const elsewhere = "00000000-0000-4000-8000-000000000000";
    expect(
      (
        await r.call(assignmentDraftRoute, url, {
          method: "PUT",
          body: { choices: {} },
          params: { id: elsewhere },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await r.call(assignmentDraftRoute, url, {
          method: "PUT",
          body: { choices: {} },
          params: { id: "nope" },
        })
      ).status,
    ).toBe(400);

    // After the submit a late autosave is refused, and the judgement is what was submitted.
    const submit = await r.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
      body: { choices: { accuracy: "B", safety: "A" } },
      params: { id: assignmentId },
    });
    expect(submit.status).toBe(200);
    expect(
      (
        await r.call(assignmentDraftRoute, url, {
          method: "PUT",
          body: { choices: { accuracy: "A" } },
          params,
        })
      ).status,
    ).toBe(409);
  });

  it("a skip frees the slot for another rater and never brings the comparison back to the skipper", async () => {
    const { id, admin } = await study(3);
    const first = await rater();
    const second = await rater();
    const next = async (r: Awaited<ReturnType<typeof rater>>) =>
      claimed(
        await r.call(nextAssignmentRoute, `/api/v1/studies/${id}/assignments/next`, { params: { id } }),
      );
    const a = await next(first);
    const skippedPrompt = a.prompt.instruction;
    const assignmentId = a.assignmentId ?? "";
    expect(
      (await second.call(assignmentSkipRoute, `/x`, { method: "POST", params: { id: assignmentId } })).status,
    ).toBe(404);
    const skip = await first.call(assignmentSkipRoute, `/api/v1/assignments/${assignmentId}/skip`, {
      method: "POST",
      params: { id: assignmentId },
    });
    expect(skip.status).toBe(204);
    const item = await db().queueAssignment.findUniqueOrThrow({
      where: { id: assignmentId },
      include: { item: true },
    });
    expect(item.status).toBe("RELEASED");
    expect(item.item.claimedSlots).toBe(0);

    // The skipper moves on to the other comparisons and then runs out; the skipped one is never offered.
    const seen: string[] = [];
    for (;;) {
      const n = await next(first);
      if (!n.assignmentId) break;
      seen.push(n.prompt.instruction);
      await first.call(assignmentSubmitRoute, `/x`, {
        body: { choices: { accuracy: "A", safety: "tie" } },
        params: { id: n.assignmentId },
      });
    }
    expect(seen).toHaveLength(2);
    expect(seen).not.toContain(skippedPrompt);
    // Another rater gets it (the capacity is one rating per comparison: only it is left).
    const b = await next(second);
    expect(b.prompt.instruction).toBe(skippedPrompt);

    // A paused study hands out nothing, not even the rater's own open lease; resumed, the lease is back.
    await setStudyStatus(admin, id, "pause", ctx());
    const paused = await second.call(nextAssignmentRoute, `/x`, { params: { id } });
    expect(paused.status).toBe(409);
    expect(await paused.text()).toContain("paused");
    await setStudyStatus(admin, id, "resume", ctx());
    expect((await next(second)).assignmentId).toBe(b.assignmentId);
    await setStudyStatus(admin, id, "close", ctx());
    expect((await second.call(nextAssignmentRoute, `/x`, { params: { id } })).status).toBe(409);
    const late = await second.call(assignmentSubmitRoute, `/x`, {
      body: { choices: { accuracy: "A", safety: "tie" } },
      params: { id: b.assignmentId ?? "" },
    });
    expect(late.status).toBe(409);
    expect(await db().studyJudgement.count({ where: { assignmentId: b.assignmentId ?? "" } })).toBe(0);
  });
});
