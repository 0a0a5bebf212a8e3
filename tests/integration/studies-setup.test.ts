import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { setStudyStatus } from "@/lib/studies/set-study-status";
import { getStudy } from "@/lib/studies/get-study";
import {
  parseAlpacaOutputs,
  parseMultiOutputJsonl,
  toAlpacaRows,
  ZAlpacaOutputs,
} from "@/lib/studies/parse-outputs";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

function medOutputs(file: string, model: string) {
  const { outputs } = parseMultiOutputJsonl(readFileSync(file, "utf8"));
  return parseAlpacaOutputs(ZAlpacaOutputs.parse(toAlpacaRows(outputs, model)));
}

describeEachSource("alpacare/MedInstruct-test.jsonl", "study setup on MedInstruct-test", (MED) => {
  it("imports MedInstruct outputs of several models, matches prompts, reports the unmatched, and starts", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({
        name: "MedInstruct",
        criteria: ["Accuracy", "Safety"],
        design: "vs_reference",
        reference: "gpt-4",
        attentionCheckShare: 0.1,
        ratingsPerComparison: 2,
      }),
      ctx(),
    );
    const first = await importOutputs(admin, study.id, medOutputs(MED, "gpt-4"), ctx());
    expect(first).toMatchObject({ newPrompts: 216, imported: 216, unmatched: [] });

    // Whitespace and case differences still match; an unknown prompt is reported, not created.
    const claude = medOutputs(MED, "claude-2").map((o, i) =>
      i === 0 ? { ...o, instruction: `  ${o.instruction.toUpperCase()}\n` } : o,
    );
    claude.push({
      instruction: "A prompt from some other test set",
      input: "",
      model: "claude-2",
      text: "x",
    });
    const second = await importOutputs(admin, study.id, claude, ctx());
    expect(second.imported).toBe(216);
    expect(second.newPrompts).toBe(0);
    expect(second.unmatched).toEqual([
      { model: "claude-2", instruction: "A prompt from some other test set" },
    ]);
    // Drop one output of a third model: that prompt is skipped for that pair only.
    await importOutputs(admin, study.id, medOutputs(MED, "gpt-3.5-turbo").slice(1), ctx());

    const started = await startStudy(admin, study.id, ctx());
    expect(started.models).toEqual(["claude-2", "gpt-3.5-turbo", "gpt-4"]);
    expect(started.comparisons).toBe(216 + 215);
    expect(started.attentionChecks).toBe(Math.round(431 * 0.1));
    expect(started.skippedPrompts).toHaveLength(1);
    const comps = await db().studyComparison.findMany({ where: { studyId: study.id } });
    expect(comps.every((c) => c.modelB === "gpt-4")).toBe(true);
    expect(
      comps
        .filter((c) => c.kind === "attention")
        .every((c) => c.degradedModel === c.modelA || c.degradedModel === c.modelB),
    ).toBe(true);
    const items = await db().queueItem.findMany({ where: { queueId: study.id } });
    expect(items).toHaveLength(comps.length);
    expect(items.every((i) => i.capacity === 2)).toBe(true);

    const view = await getStudy(study.id);
    expect(view.status).toBe("ACTIVE");
    expect(view.progress).toMatchObject({ items: comps.length, slots: comps.length * 2, completedSlots: 0 });
    await expect(startStudy(admin, study.id, ctx())).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(importOutputs(admin, study.id, medOutputs(MED, "gpt-4"), ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });

    expect(await setStudyStatus(admin, study.id, "pause", ctx())).toEqual({ status: "PAUSED" });
    await expect(setStudyStatus(admin, study.id, "pause", ctx())).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await setStudyStatus(admin, study.id, "resume", ctx())).toEqual({ status: "ACTIVE" });
    expect(await setStudyStatus(admin, study.id, "close", ctx())).toEqual({ status: "CLOSED" });
    expect(await db().auditLog.count({ where: { entityId: study.id } })).toBe(1 + 3 + 1 + 3);
  });
});

describe("study setup", () => {
  it("flags outputs that name a model, and refuses to start with fewer than two models", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({ name: "s", criteria: ["Overall"], design: "all_pairs" }),
      ctx(),
    );
    await expect(startStudy(admin, study.id, ctx())).rejects.toMatchObject({ code: "VALIDATION" });
    const report = await importOutputs(
      admin,
      study.id,
      [
        { instruction: "q1", input: "", model: "m1", text: "As ChatGPT, I cannot diagnose." },
        { instruction: "q2", input: "", model: "m1", text: "Drink water." },
        { instruction: "q1", input: "", model: "m2", text: "I am Claude, here to help." },
        { instruction: "q2", input: "", model: "m2", text: "As an AI developed by OpenAI, I advise rest." },
      ],
      ctx(),
    );
    expect(report.revealsIdentity).toBe(3);
    const view = await getStudy(study.id);
    expect(view.revealsIdentity.map((r) => r.excerpt).sort()).toEqual([
      "As ChatGPT, I cannot diagnose.",
      "As an AI developed by OpenAI, I advise rest.",
      "I am Claude, here to help.",
    ]);
  });

  it("refuses to start when a criterion names a model, since raters see criteria; the internal name may", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({
        name: "GPT 4 versus the rest",
        criteria: ["Better than GPT4"],
        design: "all_pairs",
      }),
      ctx(),
    );
    await importOutputs(
      admin,
      study.id,
      [
        { instruction: "q", input: "", model: "gpt-4", text: "a" },
        { instruction: "q", input: "", model: "other", text: "b" },
      ],
      ctx(),
    );
    await expect(startStudy(admin, study.id, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("gpt-4") as string,
    });
    expect(await db().studyComparison.count()).toBe(0);
    // A vendor's or model's word inside a sentence names it too, as in a title.
    await db().study.update({
      where: { id: study.id },
      data: {
        criteria: [{ key: "tone", label: "Tone", description: "Which sounds more like OpenAI's style?" }],
      },
    });
    await expect(startStudy(admin, study.id, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("openai") as string,
    });
    // Raters see the title ("Study N"), never the name.
    await db().study.update({
      where: { id: study.id },
      data: { criteria: [{ key: "overall", label: "Overall", description: "" }] },
    });
    expect((await startStudy(admin, study.id, ctx())).comparisons).toBe(1);
  });

  it("rejects a vs_reference design without a reference and a non-clinician rater", async () => {
    expect(ZCreateStudy.safeParse({ name: "x", criteria: ["a"], design: "vs_reference" }).success).toBe(
      false,
    );
    const admin = asCurrent(await makeUser("ADMIN"));
    const researcher = await makeUser("RESEARCHER");
    await expect(
      createStudy(
        admin,
        ZCreateStudy.parse({ name: "x", criteria: ["a"], design: "all_pairs", raterIds: [researcher.id] }),
        ctx(),
      ),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await db().study.count()).toBe(0);
  });
});
