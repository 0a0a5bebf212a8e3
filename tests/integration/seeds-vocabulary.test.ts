import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseInput } from "@/lib/errors/parse-input";
import { createSeed } from "@/lib/seeds/create-seed";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { saveSeed } from "@/lib/seeds/save-seed";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { addAlias } from "@/lib/vocabulary/add-alias";
import { addTerm } from "@/lib/vocabulary/add-term";
import { removeAlias } from "@/lib/vocabulary/remove-alias";
import { renameTerm } from "@/lib/vocabulary/rename-term";
import { restoreTerm } from "@/lib/vocabulary/restore-term";
import { retireTerm } from "@/lib/vocabulary/retire-term";
import { ZRenameTerm } from "@/lib/vocabulary/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function setup() {
  const adminRow = await makeUser("ADMIN");
  const admin = asCurrent(adminRow);
  const author = asCurrent(await makeUser("CLINICIAN"));
  const topic = await addTerm(admin, { kind: "TOPIC", label: "Cardiology" }, ctx());
  const view = await addTerm(admin, { kind: "VIEW", label: "Patient" }, ctx());
  const rewrite = await addTerm(admin, { kind: "TYPE", label: "Rewrite" }, ctx());
  const chat = await addTerm(admin, { kind: "TYPE", label: "Chat" }, ctx());
  const { token } = await insertApiToken(db(), adminRow.id, "t", null);
  const fields = (over: Record<string, unknown> = {}) =>
    parseInput(ZSeedFields, {
      topicId: topic.id,
      viewId: view.id,
      typeId: rewrite.id,
      instruction: "Rewrite this discharge note in plain words.",
      difficulty: "2",
      ...over,
    });
  return { admin, author, topic, view, rewrite, chat, token, fields };
}

const record = (type: string, instruction = "Rewrite the note for a patient.") =>
  JSON.stringify([
    { topic: "Cardiology", view: "Patient", type, instruction, input: "<noinput>", difficulty: "2" },
  ]);

function importFile(token: string, body: string, query = "unknownLabels=add") {
  return importSeedsRoute.handle(
    new Request(`http://app.test/api/v1/seeds/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body,
    }),
  );
}

const auditOf = (entityId: string) => db().auditLog.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("managing a vocabulary term", () => {
  it("adds and removes aliases and renames, keeping the old label as an alias, all audited", async () => {
    const { admin, rewrite, chat, token } = await setup();
    await addAlias(admin, { termId: rewrite.id, alias: "Rewrites" }, ctx());
    await addAlias(admin, { termId: rewrite.id, alias: "Paraphrase" }, ctx());
    await expect(removeAlias(admin, { termId: rewrite.id, alias: "Not there" }, ctx())).rejects.toMatchObject(
      { code: "NOT_FOUND" },
    );
    await removeAlias(admin, { termId: rewrite.id, alias: "Paraphrase" }, ctx());
    expect((await db().vocabularyTerm.findUniqueOrThrow({ where: { id: rewrite.id } })).aliases).toEqual([
      "Rewrites",
    ]);
    // A removed alias is unknown to the next import again.
    const unknown = await importFile(token, record("Paraphrase"), "unknownLabels=reject");
    expect(
      ((await unknown.json()) as { unknownLabels: { label: string }[] }).unknownLabels.map((u) => u.label),
    ).toEqual(["Paraphrase"]);

    await expect(
      renameTerm(admin, parseInput(ZRenameTerm, { termId: rewrite.id, label: "chat" }), ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await renameTerm(
      admin,
      parseInput(ZRenameTerm, { termId: rewrite.id, label: "Rewriting", keepOldAsAlias: "on" }),
      ctx(),
    );
    const renamed = await db().vocabularyTerm.findUniqueOrThrow({ where: { id: rewrite.id } });
    expect(renamed).toMatchObject({ label: "Rewriting", aliases: ["Rewrites", "Rewrite"] });
    // Without the box ticked the old label goes.
    await renameTerm(admin, parseInput(ZRenameTerm, { termId: chat.id, label: "Chat dialogue" }), ctx());
    expect(await db().vocabularyTerm.findUniqueOrThrow({ where: { id: chat.id } })).toMatchObject({
      label: "Chat dialogue",
      aliases: [],
    });

    const trail = (await auditOf(rewrite.id)).map((a) => [a.action, a.before, a.after]);
    expect(trail).toEqual([
      ["vocabulary.add_term", null, { kind: "TYPE", label: "Rewrite", aliases: [] }],
      ["vocabulary.add_alias", { aliases: [] }, { aliases: ["Rewrites"] }],
      ["vocabulary.add_alias", { aliases: ["Rewrites"] }, { aliases: ["Rewrites", "Paraphrase"] }],
      ["vocabulary.remove_alias", { aliases: ["Rewrites", "Paraphrase"] }, { aliases: ["Rewrites"] }],
      [
        "vocabulary.rename_term",
        { label: "Rewrite", aliases: ["Rewrites"] },
        { label: "Rewriting", aliases: ["Rewrites", "Rewrite"] },
      ],
    ]);
  });

  it("a retired term stays on its seeds, cannot be chosen for new ones, and imports stop matching it", async () => {
    const { admin, author, rewrite, chat, token, fields } = await setup();
    await addAlias(admin, { termId: rewrite.id, alias: "Rewrites" }, ctx());
    const { id } = await createSeed(author, fields(), ctx());

    const r = await retireTerm(admin, { termId: rewrite.id, replacementId: null }, ctx());
    expect(r.seedsUsing).toBe(1);
    const seed = await db().seed.findUniqueOrThrow({ where: { id }, include: { type: true } });
    expect(seed.type?.label).toBe("Rewrite");

    // Editing other fields keeps it; choosing it anew (new seed, or switching back to it) is refused.
    await saveSeed(
      author,
      id,
      { ...fields({ instruction: "Rewrite this discharge note in plain, short words." }), baseVersion: 1 },
      ctx(),
    );
    await expect(createSeed(author, fields(), ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { typeId: [expect.stringMatching(/retired/)] },
    });
    await saveSeed(author, id, { ...fields({ typeId: chat.id }), baseVersion: 2 }, ctx());
    await expect(saveSeed(author, id, { ...fields(), baseVersion: 3 }, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
    });

    // Imports no longer match its label or aliases, even with unknownLabels=add, and say why.
    for (const label of ["Rewrite", "rewrites"]) {
      const res = await importFile(token, record(label));
      expect(res.status).toBe(422);
      const body = (await res.json()) as {
        detail: string;
        unknownLabels: { label: string; retiredTerm?: string }[];
      };
      expect(body.unknownLabels).toEqual([expect.objectContaining({ label, retiredTerm: "Rewrite" })]);
      expect(body.detail).toMatch(/retired/);
    }
    await expect(addTerm(admin, { kind: "TYPE", label: "Rewrite" }, ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await db().seed.count()).toBe(1);

    // "Unless via alias": the admin gives the old spelling to a live term, and the import says so.
    await addAlias(admin, { termId: chat.id, alias: "Rewrite" }, ctx());
    const mapped = await importFile(token, record("Rewrite"));
    expect(mapped.status).toBe(201);
    expect(((await mapped.json()) as { mapped: unknown[] }).mapped).toEqual([
      { kind: "TYPE", from: "Rewrite", to: "Chat", retiredTerm: "Rewrite" },
    ]);

    // Restoring is refused while a live term holds one of its spellings.
    await expect(restoreTerm(admin, { termId: rewrite.id }, ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await removeAlias(admin, { termId: chat.id, alias: "Rewrite" }, ctx());
    await restoreTerm(admin, { termId: rewrite.id }, ctx());
    expect((await db().vocabularyTerm.findUniqueOrThrow({ where: { id: rewrite.id } })).retiredAt).toBeNull();
    expect((await auditOf(rewrite.id)).map((a) => a.action)).toEqual([
      "vocabulary.add_term",
      "vocabulary.add_alias",
      "vocabulary.retire_term",
      "vocabulary.restore_term",
    ]);
  });

  it("retiring with a replacement moves the label and aliases there, so old files import as the replacement", async () => {
    const { admin, rewrite, chat, token } = await setup();
    await addAlias(admin, { termId: rewrite.id, alias: "Rewrites" }, ctx());
    await expect(
      retireTerm(admin, { termId: rewrite.id, replacementId: rewrite.id }, ctx()),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { replacementId: [expect.any(String)] },
    });
    await retireTerm(admin, { termId: rewrite.id, replacementId: chat.id }, ctx());
    expect(await db().vocabularyTerm.findUniqueOrThrow({ where: { id: chat.id } })).toMatchObject({
      aliases: ["Rewrite", "Rewrites"],
    });
    const audit = (await auditOf(rewrite.id)).find((a) => a.action === "vocabulary.retire_term");
    expect(audit?.after).toMatchObject({
      seedsKeepingIt: 0,
      replacement: { label: "Chat", aliases: ["Rewrite", "Rewrites"] },
    });

    const res = await importFile(token, record("Rewrites"), "unknownLabels=reject");
    expect(res.status).toBe(201);
    expect(((await res.json()) as { mapped: unknown[] }).mapped).toEqual([
      { kind: "TYPE", from: "Rewrites", to: "Chat" },
    ]);
    expect((await db().seed.findFirstOrThrow({ include: { type: true } })).type?.label).toBe("Chat");
  });

  it("only admins manage vocabularies: clinicians and researchers are refused and nothing changes", async () => {
    const { rewrite, chat } = await setup();
    for (const role of ["CLINICIAN", "RESEARCHER"] as const) {
      const u = asCurrent(await makeUser(role));
      const calls = [
        addTerm(u, { kind: "TOPIC", label: "Neurology" }, ctx()),
        addAlias(u, { termId: rewrite.id, alias: "Rewrites" }, ctx()),
        removeAlias(u, { termId: rewrite.id, alias: "Rewrites" }, ctx()),
        renameTerm(u, { termId: rewrite.id, label: "Rewriting", keepOldAsAlias: true }, ctx()),
        retireTerm(u, { termId: rewrite.id, replacementId: chat.id }, ctx()),
        restoreTerm(u, { termId: rewrite.id }, ctx()),
      ];
      for (const call of calls) await expect(call).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await db().vocabularyTerm.findUniqueOrThrow({ where: { id: rewrite.id } })).toMatchObject({
      label: "Rewrite",
      aliases: [],
      retiredAt: null,
    });
    expect(await db().vocabularyTerm.count()).toBe(4);
  });
});
