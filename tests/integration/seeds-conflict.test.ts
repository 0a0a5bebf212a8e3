import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { conflictRows } from "@/components/seeds/conflict-rows";
import type { TEditorFields } from "@/components/seeds/seed-editor";
import { createSeed } from "@/lib/seeds/create-seed";
import { getSeed } from "@/lib/seeds/get-seed";
import { saveSeedRoute } from "@/lib/seeds/save-route";
import { parseInput } from "@/lib/errors/parse-input";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

describe("two saves of the same seed", () => {
  it("the stale save gets 409 problem+json with both versions, and the database is unchanged", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const authorRow = await makeUser("CLINICIAN", { name: "Dr Ada" });
    const author = asCurrent(authorRow);
    const topic = await addTerm(admin, { kind: "TOPIC", label: "Cardiology" }, ctx());
    const view = await addTerm(admin, { kind: "VIEW", label: "Patient" }, ctx());
    const type = await addTerm(admin, { kind: "TYPE", label: "Open Q&A" }, ctx());
    const terms = [topic, view, type];
    const base = {
      topicId: topic.id,
      viewId: view.id,
      typeId: type.id,
      instruction: "Explain angina.",
      difficulty: "2",
    };
    const { id } = await createSeed(author, parseInput(ZSeedFields, base), ctx());
    // Two devices (a laptop and a ward PC), each with its own token and each opened at version 1.
    const laptop = (await insertApiToken(db(), authorRow.id, "laptop", null)).token;
    const ward = (await insertApiToken(db(), authorRow.id, "ward", null)).token;
    const put = (token: string, body: Record<string, unknown>) =>
      saveSeedRoute.handle(
        new Request(`http://app.test/api/v1/seeds/${id}`, {
          method: "PUT",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id }) },
      );

    const theirs = {
      ...base,
      instruction: "Explain stable angina to a patient.",
      input: "I get chest pain on stairs.",
    };
    expect((await put(laptop, { ...theirs, baseVersion: 1 })).status).toBe(200);
    const before = {
      seed: await db().seed.findUniqueOrThrow({ where: { id } }),
      versions: await db().seedVersion.count({ where: { seedId: id } }),
      audit: await db().auditLog.count(),
    };

    const mine = { ...base, instruction: "Explain unstable angina to a student.", difficulty: "3" };
    const stale = await put(ward, { ...mine, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await stale.json()) as {
      status: number;
      title: string;
      detail: string;
      currentVersion: number;
      current: Record<string, unknown>;
      yours: Record<string, unknown>;
      savedBy: string;
    };
    expect(problem).toMatchObject({
      status: 409,
      title: "Conflict",
      currentVersion: 2,
      savedBy: "Dr Ada",
      current: { instruction: theirs.instruction, input: theirs.input, difficulty: 2, topic: "Cardiology" },
      yours: { instruction: mine.instruction, difficulty: 3, baseVersion: 1 },
    });

    // Nothing was overwritten or added: same row, same history, no audit entry.
    expect(await db().seed.findUniqueOrThrow({ where: { id } })).toEqual(before.seed);
    expect(await db().seedVersion.count({ where: { seedId: id } })).toBe(before.versions);
    expect(await db().auditLog.count()).toBe(before.audit);

    // What the editor shows side by side: only the fields that differ, theirs against yours.
    const editor: TEditorFields = {
      ...mine,
      input: "",
      referenceAnswer: "",
      specialtyTags: "",
      authorNotes: "",
      duplicateReason: "",
    };
    const rows = conflictRows(problem.current, editor, terms);
    expect(rows.map((r) => [r.field, r.theirs, r.yours])).toEqual([
      ["instruction", theirs.instruction, mine.instruction],
      ["input", theirs.input, ""],
      ["difficulty", "2", "3"],
    ]);

    // The user takes their input, keeps their own other changes, and records that on top of version 2.
    const merged = { ...editor, input: rows.find((r) => r.field === "input")?.theirsValue ?? "" };
    const resaved = await put(ward, { ...merged, baseVersion: problem.currentVersion });
    expect(resaved.status).toBe(200);
    const detail = await getSeed(author, id);
    expect(detail.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(detail.versions[2]?.changes.map((c) => c.field)).toEqual(["instruction", "difficulty"]);
    expect(detail.current).toMatchObject({
      instruction: mine.instruction,
      input: theirs.input,
      difficulty: 3,
    });
  });
});
