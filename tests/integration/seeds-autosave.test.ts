import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/prisma";
import { autosaveSeedRoute } from "@/lib/seeds/autosave-route";
import { createSeedRoute } from "@/lib/seeds/create-route";
import { discardDraft } from "@/lib/seeds/discard-draft";
import { discardSeedDraftRoute } from "@/lib/seeds/discard-draft-route";
import { getSeed } from "@/lib/seeds/get-seed";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const EMPTY_FORM = {
  topicId: "",
  viewId: "",
  typeId: "",
  instruction: "",
  input: "",
  difficulty: "",
  referenceAnswer: "",
  specialtyTags: "",
  authorNotes: "",
  duplicateReason: "",
};

async function call(
  route: { handle: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response> },
  token: string,
  method: string,
  path: string,
  body: unknown,
  params: Record<string, string> = {},
) {
  const res = await route.handle(
    new Request(`http://app.test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("autosave of a seed never saved", () => {
  it("the editor's first autosave creates a private draft from whatever was typed; later autosaves keep unsaved text on it", async () => {
    const author = asCurrent(await makeUser("CLINICIAN"));
    const other = asCurrent(await makeUser("CLINICIAN"));
    const { token } = await insertApiToken(db(), author.id, "t", null);
    // What the editor sends: every field, most still empty (no instruction yet, only context).
    const created = await call(createSeedRoute, token, "POST", "/api/v1/seeds", {
      ...EMPTY_FORM,
      input: "I get chest pain on the stairs.",
    });
    expect(created.status).toBe(201);
    const id = String(created.body.id);
    expect(await db().seed.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "DRAFT",
      version: 1,
      authorId: author.id,
      input: "I get chest pain on the stairs.",
    });
    await expect(getSeed(other, id)).rejects.toMatchObject({ code: "NOT_FOUND" });

    const payload = {
      ...EMPTY_FORM,
      instruction: "Answer the patient.",
      input: "I get chest pain on the stairs.",
    };
    expect(
      (
        await call(
          autosaveSeedRoute,
          token,
          "PUT",
          `/api/v1/seeds/${id}/draft`,
          { baseVersion: 1, payload },
          { id },
        )
      ).status,
    ).toBe(200);
    expect((await getSeed(author, id)).draft).toMatchObject({ baseVersion: 1, payload });
    expect(await db().seedVersion.count({ where: { seedId: id } })).toBe(1);
  });

  it("discarding takes away only the caller's own autosave, recorded", async () => {
    const author = asCurrent(await makeUser("CLINICIAN"));
    const other = asCurrent(await makeUser("CLINICIAN"));
    const seed = await db().seed.create({
      data: {
        authorId: author.id,
        status: "DRAFT",
        version: 2,
        instruction: "Explain angina.",
        specialtyTags: [],
      },
    });
    await db().seedDraft.createMany({
      data: [
        { seedId: seed.id, userId: author.id, baseVersion: 1, payload: { instruction: "Old text" } },
        { seedId: seed.id, userId: other.id, baseVersion: 1, payload: { instruction: "Someone else's" } },
      ],
    });
    expect(await discardDraft(author, seed.id, ctx())).toEqual({ discarded: true });
    expect((await db().seedDraft.findMany()).map((d) => d.userId)).toEqual([other.id]);
    expect(await discardDraft(author, seed.id, ctx())).toEqual({ discarded: false });
    expect(
      await db().auditLog.count({
        where: { entityId: seed.id, action: "seed.autosave_discard", actorId: author.id },
      }),
    ).toBe(1);
  });

  it("DELETE /api/v1/seeds/:id/draft (the editor's discard) takes the caller's own autosave; a role without seeds:write is refused", async () => {
    const author = await apiCaller("CLINICIAN");
    const researcher = await apiCaller("RESEARCHER");
    const seed = await db().seed.create({
      data: {
        authorId: author.user.id,
        status: "DRAFT",
        version: 2,
        instruction: "Explain angina.",
        specialtyTags: [],
      },
    });
    await db().seedDraft.create({
      data: { seedId: seed.id, userId: author.user.id, baseVersion: 1, payload: { instruction: "Old text" } },
    });
    const discard = (who: typeof author) =>
      who.call(discardSeedDraftRoute, `/api/v1/seeds/${seed.id}/draft`, {
        method: "DELETE",
        params: { id: seed.id },
      });
    expect((await discard(researcher)).status).toBe(403);
    expect(await db().seedDraft.count()).toBe(1);
    const res = await discard(author);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ discarded: true });
    expect(await db().seedDraft.count()).toBe(0);
    expect(
      await db().auditLog.count({ where: { action: "seed.autosave_discard", actorId: author.user.id } }),
    ).toBe(1);
  });
});
