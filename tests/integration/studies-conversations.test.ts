import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { parseCsv } from "@/lib/csv/csv";
import { flattenTranscript } from "@/lib/conversations/transcript-text";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import { createStudyRoute } from "@/lib/studies/study-routes";
import { importOutputsRoute } from "@/lib/studies/outputs-route";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { listMyAnswers } from "@/lib/my-answers/list-my-answers";
import { annotationsRoute, dpoRoute, judgementsCsvRoute } from "@/lib/studies/results-routes";
import { importJudgeRoute } from "@/lib/studies/judge-routes";
import { studyExamples } from "@/lib/studies/study-examples";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { apiCaller } from "../support/api-caller";
import {
  BAD_DIALOGUE_LINES,
  DIALOGUE_CONTEXTS,
  DIALOGUE_MODELS,
  dialogueAnswer,
  dialogueMultiOutputJsonl,
  dialogueOutputsJson,
  dialogueOutputsJsonl,
  editedSecondDialogue,
} from "../support/study-dialogues";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TAdmin = Awaited<ReturnType<typeof apiCaller>>;

async function newStudy(admin: TAdmin) {
  const res = await admin.call(createStudyRoute, "/api/v1/studies", {
    method: "POST",
    body: { name: "Chats", criteria: ["Helpfulness"], design: "all_pairs", ratingsPerComparison: 1 },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const upload = (admin: TAdmin, id: string, body: string, type = "application/x-ndjson", query = "") =>
  admin.call(importOutputsRoute, `/api/v1/studies/${id}/outputs${query}`, {
    method: "POST",
    body,
    type,
    params: { id },
  });

async function studyWithThreeModels(admin: TAdmin) {
  const id = await newStudy(admin);
  // Model a: OpenAI messages, JSONL. Model b: ShareGPT, a JSON array. Model c: context-only
  // multi-output JSONL. All three land on the same five prompts.
  const a = await upload(admin, id, dialogueOutputsJsonl("ward-model-a", "messages"));
  expect(a.status).toBe(200);
  expect(await a.json()).toMatchObject({ imported: 5, newPrompts: 5, unmatched: [] });
  const b = await upload(admin, id, dialogueOutputsJson("ward-model-b", "conversations"), "application/json");
  expect(await b.json()).toMatchObject({ imported: 5, newPrompts: 0, unmatched: [] });
  const c = await upload(
    admin,
    id,
    dialogueMultiOutputJsonl(["ward-model-a", "ward-model-c"], "conversations"),
    undefined,
    "?models=ward-model-c",
  );
  expect(await c.json()).toMatchObject({
    imported: 5,
    newPrompts: 0,
    unmatched: [],
    models: ["ward-model-c"],
  });
  return id;
}

describe("conversation prompts in a study", () => {
  it("imports both shapes and both forms onto the same prompts, the context stored as turns", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await studyWithThreeModels(admin);
    const prompts = await db().studyPrompt.findMany({
      where: { studyId: id },
      include: { outputs: { select: { model: true, text: true } } },
    });
    expect(prompts).toHaveLength(DIALOGUE_CONTEXTS.length);
    for (const [i, context] of DIALOGUE_CONTEXTS.entries()) {
      const p = prompts.find((x) => JSON.stringify(readStoredTurns(x.context)) === JSON.stringify(context));
      expect(p, `dialogue ${i}`).toBeDefined();
      expect(p!.instruction).toBe(context.at(-1)!.content);
      expect(p!.outputs.map((o) => o.model).sort()).toEqual([...DIALOGUE_MODELS]);
      expect(p!.outputs.find((o) => o.model === "ward-model-b")!.text).toBe(
        dialogueAnswer("ward-model-b", i),
      );
    }
  });

  it("refuses bad conversations by line, and imports nothing of the file", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await newStudy(admin);
    const good = dialogueOutputsJsonl("ward-model-a", "messages").split("\n");
    const body = [good[0], ...BAD_DIALOGUE_LINES.map((b) => JSON.stringify(b.row)), good[1]].join("\n");
    const res = await upload(admin, id, body);
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { detail: string; lines: { line: number; reason: string }[] };
    expect(problem.lines.map((l) => l.line)).toEqual(BAD_DIALOGUE_LINES.map((_, i) => i + 2));
    expect(problem.detail).toContain("Line 2:");
    expect(problem.detail).toContain(BAD_DIALOGUE_LINES[0]!.reason);
    expect(await db().studyPrompt.count({ where: { studyId: id } })).toBe(0);
  });

  it("refuses a conversation whose context names a model, by line: raters would read that turn", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await newStudy(admin);
    const good = dialogueOutputsJsonl("ward-model-a", "messages").split("\n");
    const named = {
      messages: [
        { role: "system", content: "You are ChatGPT, a large language model trained by OpenAI." },
        { role: "user", content: "Is paracetamol safe with warfarin?" },
        { role: "assistant", content: "Usually, at modest doses; check the INR." },
      ],
      generator: "ward-model-a",
    };
    const res = await upload(admin, id, [good[0], JSON.stringify(named)].join("\n"));
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { lines: { line: number; reason: string }[] };
    expect(problem.lines).toEqual([
      { line: 2, reason: expect.stringContaining("turn 1 of its conversation names a model") as unknown },
    ]);
    expect(await db().studyPrompt.count({ where: { studyId: id } })).toBe(0);
  });

  it("refuses a line whose context differs from the prompt it claims, in a later file and within one", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await newStudy(admin);
    await upload(admin, id, dialogueOutputsJsonl("ward-model-a", "messages"));
    const lines = dialogueOutputsJsonl("ward-model-b", "messages").split("\n");
    // Line 3 holds dialogue 2 with its assistant question edited: same last user turn.
    lines.splice(2, 0, editedSecondDialogue("ward-model-c"));
    const later = await upload(admin, id, lines.join("\n"));
    expect(later.status).toBe(422);
    const problem = (await later.json()) as { detail: string; lines: { line: number }[] };
    expect(problem.lines.map((l) => l.line)).toEqual([3]);
    expect(problem.detail).toContain("earlier turns differ");
    // All-or-nothing: model b's valid lines were not kept either.
    expect(
      await db().studyOutput.count({ where: { model: { not: "ward-model-a" }, prompt: { studyId: id } } }),
    ).toBe(0);

    const fresh = await newStudy(admin);
    const first = dialogueOutputsJsonl("ward-model-a", "messages").split("\n").slice(0, 2);
    const within = await upload(admin, fresh, [...first, editedSecondDialogue("ward-model-b")].join("\n"));
    expect(within.status).toBe(422);
    expect(((await within.json()) as { detail: string }).detail).toContain(
      "Line 3: its conversation ends with the same user turn as line 2",
    );
  });

  it("rates with the context identical for either side and no model in the payload, and exports chats", async () => {
    const admin = await apiCaller("ADMIN");
    const id = await studyWithThreeModels(admin);
    await startStudy(admin.current, id, ctx());
    const seenPrompts = new Map<string, Set<string>>();
    const sides = new Set<string>();
    const raters: ReturnType<typeof asCurrent>[] = [];
    for (const role of ["CLINICIAN", "CLINICIAN"] as const) {
      const rater = asCurrent(await makeUser(role));
      raters.push(rater);
      for (;;) {
        const a = await nextAssignment(rater, id);
        if (!a) break;
        const payload = JSON.stringify(a);
        for (const m of DIALOGUE_MODELS) expect(payload).not.toContain(m);
        expect(a.prompt.context).not.toBeNull();
        const shown = await db().studyAssignmentSides.findUniqueOrThrow({
          where: { assignmentId: a.assignmentId },
        });
        sides.add(shown.shownLeft);
        const key = a.prompt.instruction;
        seenPrompts.set(key, (seenPrompts.get(key) ?? new Set()).add(JSON.stringify(a.prompt)));
        const left = a.responses[0].text.includes("Short answer");
        const right = a.responses[1].text.includes("Short answer");
        await submitJudgement(
          rater,
          a.assignmentId,
          { choices: { helpfulness: left ? "A" : right ? "B" : "A" } },
          ctx(),
        );
      }
    }
    expect(sides).toEqual(new Set(["A", "B"]));
    // My answers says how much conversation came before each prompt, and names no model.
    const mine = await Promise.all(raters.map((r) => listMyAnswers(r, { kind: "study" })));
    expect(new Set(mine.flatMap((m) => m.answers.map((a) => a.earlierTurns)))).toEqual(
      new Set(DIALOGUE_CONTEXTS.map((c) => c.length - 1)),
    );
    for (const m of DIALOGUE_MODELS) expect(JSON.stringify(mine)).not.toContain(m);
    expect(seenPrompts.size).toBe(DIALOGUE_CONTEXTS.length);
    // Every showing of one prompt, whichever model stood left, sent the very same prompt payload.
    for (const variants of seenPrompts.values()) expect(variants.size).toBe(1);

    const examples = await studyExamples(id);
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.every((e) => e.context !== null && e.outputs.length === DIALOGUE_MODELS.length)).toBe(
      true,
    );

    const researcher = await apiCaller("RESEARCHER");
    const base = `/api/v1/studies/${id}`;
    const params = { id };
    const flattened = DIALOGUE_CONTEXTS.map((c) => flattenTranscript(c));
    const dpo = (
      await (await researcher.call(dpoRoute, `${base}/dpo.jsonl?criterion=helpfulness`, { params })).text()
    )
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { prompt: unknown; chosen: unknown; rejected: unknown });
    expect(dpo.length).toBeGreaterThan(0);
    for (const d of dpo) {
      const i = DIALOGUE_CONTEXTS.findIndex((c) => JSON.stringify(c) === JSON.stringify(d.prompt));
      expect(i, JSON.stringify(d.prompt).slice(0, 80)).toBeGreaterThanOrEqual(0);
      const answers = DIALOGUE_MODELS.map((m) => dialogueAnswer(m, i));
      const chosen = d.chosen as { role: string; content: string }[];
      const rejected = d.rejected as { role: string; content: string }[];
      expect([chosen.length, rejected.length, chosen[0]!.role, rejected[0]!.role]).toEqual([
        1,
        1,
        "assistant",
        "assistant",
      ]);
      expect(answers).toContain(chosen[0]!.content);
      expect(answers).toContain(rejected[0]!.content);
      // Model a won every comparison it was in: it is never the rejected one.
      expect(rejected[0]!.content).not.toBe(answers[0]);
    }

    const annotations = (await (
      await researcher.call(annotationsRoute, `${base}/annotations.json?criterion=helpfulness`, { params })
    ).json()) as { instruction: string; input: string }[];
    expect(new Set(annotations.map((a) => a.instruction))).toEqual(new Set(flattened));
    expect(flattened[1]).toMatch(/^System: You are a careful clinical assistant/);

    const csv = parseCsv(
      await (await researcher.call(judgementsCsvRoute, `${base}/judgements.csv`, { params })).text(),
    );
    const col = csv[0]!.indexOf("prompt");
    expect(
      new Set(
        csv
          .slice(1)
          .filter((r) => r.length > 1)
          .map((r) => r[col]),
      ),
    ).toEqual(new Set(flattened));

    // The study's own annotations, fed back as a judge, match every conversation prompt.
    const judged = await admin.call(
      importJudgeRoute,
      `${base}/judge-annotations?judge=self&criterion=helpfulness`,
      {
        method: "POST",
        body: JSON.stringify(annotations),
        params,
      },
    );
    expect(await judged.json()).toMatchObject({ unmatched: 0 });
  });
});
