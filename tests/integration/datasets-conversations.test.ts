// Conversation datasets (issue 16, audit side): chat records in either shape imported through the
// API, refused by line, reviewed with a correction of the final turn, and exported in the shape
// they came in. The records are generated (tests/support/clinical-dialogues.ts).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createCampaignRoute } from "@/lib/audits/campaign-routes";
import { disagreementsRoute, exportRoute } from "@/lib/audits/result-routes";
import { nextItemRoute } from "@/lib/audits/review-routes";
import { browseRecordsRoute, getDatasetRoute, importDatasetRoute } from "@/lib/datasets/dataset-routes";
import { insertRecords } from "@/lib/datasets/insert-records";
import { parseBody } from "@/lib/datasets/parse-body";
import { assignmentSubmitRoute } from "@/lib/queue/routes";
import { CONVERSATION_SHAPES, type TConversationShape, type TTurn } from "@/lib/conversations/types";
import { apiCaller } from "../support/api-caller";
import { BAD_DIALOGUES, clinicalDialogue, clinicalDialoguesJsonl } from "../support/clinical-dialogues";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TCaller = Awaited<ReturnType<typeof apiCaller>>;

function importFile(admin: TCaller, text: string, query: Record<string, string>) {
  return admin.call(
    importDatasetRoute,
    `/api/v1/datasets?${new URLSearchParams({ name: "Chats", ...query }).toString()}`,
    {
      method: "POST",
      body: text,
      type: "application/x-ndjson",
    },
  );
}

describe("conversation imports", () => {
  it.each(CONVERSATION_SHAPES)(
    "imports a %s file: context turns, final turn as output, the shape on the dataset",
    async (shape) => {
      const admin = await apiCaller("ADMIN");
      const res = await importFile(admin, clinicalDialoguesJsonl(shape, 12), { conversationField: shape });
      expect(res.status).toBe(201);
      const { id, count } = (await res.json()) as { id: string; count: number };
      expect(count).toBe(12);
      expect((await db().dataset.findUniqueOrThrow({ where: { id } })).conversationShape).toBe(shape);
      const summary = await admin.call(getDatasetRoute, `/api/v1/datasets/${id}`, { params: { id } });
      expect(await summary.json()).toMatchObject({ id, count: 12, conversationShape: shape });
      const rows = await db().datasetRecord.findMany({
        where: { datasetId: id },
        orderBy: { ordinal: "asc" },
      });
      for (const [i, r] of rows.entries()) {
        const turns = clinicalDialogue(i);
        expect(r.output).toBe(turns.at(-1)?.content);
        expect(r.context).toEqual(turns.slice(0, -1));
        expect(r.instruction).toBe(turns.findLast((t) => t.role === "user")?.content);
        expect(r.metadata).toMatchObject({ id: `dlg-${i + 1}` });
      }
      // The browser's API gives the turns back.
      const browsed = await admin.call(browseRecordsRoute, `/api/v1/datasets/${id}/records?pageSize=2`, {
        params: { id },
      });
      const page = (await browsed.json()) as { records: { context: TTurn[] | null }[] };
      expect(page.records[1]?.context).toEqual(clinicalDialogue(1).slice(0, -1));
    },
  );

  it("finds records by the text of their context turns, not by the turns' keys", async () => {
    const admin = await apiCaller("ADMIN");
    const res = await importFile(admin, clinicalDialoguesJsonl("messages", 12), {
      conversationField: "messages",
    });
    const { id } = (await res.json()) as { id: string };
    const search = async (q: string, page = 1) => {
      const r = await admin.call(
        browseRecordsRoute,
        `/api/v1/datasets/${id}/records?${new URLSearchParams({ q, pageSize: "2", page: String(page) }).toString()}`,
        { params: { id } },
      );
      return (await r.json()) as { total: number; records: { ordinal: number; context: TTurn[] | null }[] };
    };
    // The system turn opens every fourth dialogue (0, 4, 8) and is in no instruction or output.
    const system = await search("CAREFUL clinical assistant");
    expect(system.total).toBe(3);
    expect(system.records.map((r) => r.context?.[0]?.role)).toEqual(["system", "system"]);
    expect((await search("careful clinical assistant", 2)).records).toHaveLength(1);
    // An earlier user turn: every record whose context holds it, as the fixture says.
    const expected = Array.from({ length: 12 }, (_, i) => clinicalDialogue(i)).filter((turns) =>
      turns.some((t) => /neck stiffness/i.test(t.content)),
    ).length;
    expect(expected).toBeGreaterThan(0);
    expect((await search("neck stiffness")).total).toBe(expected);
    // JSON keys and roles are not text; LIKE wildcards are literal.
    expect((await search("role")).total).toBe(0);
    expect((await search('"content"')).total).toBe(0);
    expect((await search("%")).total).toBe(0);
    expect((await search("谢谢")).total).toBeGreaterThan(0);
  });

  it("refuses bad conversations by line number, all or nothing", async () => {
    const admin = await apiCaller("ADMIN");
    const good = clinicalDialoguesJsonl("messages", 3).trim().split("\n");
    const text = [...good, ...BAD_DIALOGUES.map((b) => JSON.stringify(b.record))].join("\n");
    const res = await importFile(admin, text, { conversationField: "messages" });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as {
      invalid: { line: number; reason: string }[];
      invalidCount: number;
    };
    expect(problem.invalidCount).toBe(BAD_DIALOGUES.length);
    expect(problem.invalid.map((x) => x.line)).toEqual(BAD_DIALOGUES.map((_, i) => i + 4));
    for (const [i, bad] of BAD_DIALOGUES.entries()) expect(problem.invalid[i]?.reason).toContain(bad.reason);
    expect(await db().dataset.count()).toBe(0);
    expect(await db().datasetRecord.count()).toBe(0);
  });

  it("answers 400 problem+json when conversationField is combined with another field", async () => {
    const admin = await apiCaller("ADMIN");
    for (const other of ["instructionField", "inputField", "outputField"]) {
      const res = await importFile(admin, clinicalDialoguesJsonl("messages", 1), {
        conversationField: "messages",
        [other]: other === "inputField" ? "" : "x",
      });
      expect(res.status, other).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      const body = (await res.json()) as { errors: Record<string, string[]> };
      expect(body.errors.conversationField?.[0]).toContain("excludes");
    }
    expect(await db().dataset.count()).toBe(0);
  });

  it("counts a chat as a duplicate only when every turn is the same: the hash includes the context", async () => {
    const admin = await apiCaller("ADMIN");
    const ending = { role: "assistant", content: "Rest and fluids." };
    const a = { messages: [{ role: "user", content: "Headache?" }, ending] };
    const b = {
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Headache?" }, ending],
    };
    const text = [a, b, a].map((r) => JSON.stringify(r)).join("\n");
    const res = await importFile(admin, text, { conversationField: "messages" });
    expect(await res.json()).toMatchObject({ count: 2, duplicates: 1 });
  });

  it("stores the same rows and context through COPY as through the embedded database's INSERT", async () => {
    const admin = await apiCaller("ADMIN");
    const text = clinicalDialoguesJsonl("conversations", 20);
    const mapping = { instruction: "", input: "", output: "", conversation: "conversations" };
    const res = await importFile(admin, text, { conversationField: "conversations" });
    const { id } = (await res.json()) as { id: string };
    const other = await db().dataset.create({
      data: { name: "insert", createdById: admin.user.id, status: "READY" },
    });
    const writer = insertRecords(other.id);
    async function* bytes() {
      yield await Promise.resolve(Buffer.from(text));
    }
    for await (const p of parseBody(bytes(), "jsonl", mapping)) if (p.kind === "record") await writer.add(p);
    await writer.finish();
    const rows = (datasetId: string) =>
      db().datasetRecord.findMany({
        where: { datasetId },
        orderBy: { ordinal: "asc" },
        select: { ordinal: true, instruction: true, output: true, context: true, contentHash: true },
      });
    const viaCopy = await rows(id);
    expect(viaCopy).toHaveLength(20);
    expect(viaCopy).toEqual(await rows(other.id));
  });
});

async function reviewOne(
  admin: TCaller,
  reviewer: TCaller,
  shape: TConversationShape,
  field: string,
): Promise<{ campaignId: string; lines: Record<string, unknown>[]; context: TTurn[] }> {
  const text = clinicalDialoguesJsonl(shape, 1).replace(`"${shape}":`, `"${field}":`);
  const imported = await importFile(admin, text, { conversationField: field });
  expect(imported.status).toBe(201);
  const datasetId = ((await imported.json()) as { id: string }).id;
  const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
    method: "POST",
    body: { datasetId, sampleSize: 1, seed: "s", reviewersPerItem: 1 },
  });
  const campaignId = ((await created.json()) as { id: string }).id;
  const next = await reviewer.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
    method: "POST",
    params: { id: campaignId },
  });
  const task = (await next.json()) as {
    assignmentId: string;
    output: string;
    context: TTurn[];
    contextPhiSpans: unknown[][];
  };
  const context = clinicalDialogue(0).slice(0, -1);
  expect(task.context).toEqual(context);
  expect(task.contextPhiSpans).toHaveLength(context.length);
  expect(task.output).toBe(clinicalDialogue(0).at(-1)?.content);
  const submitted = await reviewer.call(
    assignmentSubmitRoute,
    `/api/v1/assignments/${task.assignmentId}/submit`,
    {
      method: "POST",
      params: { id: task.assignmentId },
      body: {
        verdict: "revise",
        flags: [],
        correctedOutput: "Corrected: rest, fluids, and see a doctor **today** 🙏",
      },
    },
  );
  expect(submitted.status, await submitted.clone().text()).toBeLessThan(300);
  const exported = await admin.call(exportRoute, `/api/v1/audits/${campaignId}/export`, {
    params: { id: campaignId },
  });
  expect(exported.status).toBe(200);
  const lines = (await exported.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { campaignId, lines, context };
}

describe("conversation audits", () => {
  it.each([
    ["messages" as const, "messages", (t: TTurn) => ({ role: t.role, content: t.content })],
    [
      "conversations" as const,
      "dialogue",
      (t: TTurn) => ({
        from: { system: "system", user: "human", assistant: "gpt" }[t.role],
        value: t.content,
      }),
    ],
  ])(
    "round-trips a %s record: the export keeps its shape and field name with the corrected final turn",
    async (shape, field, spell) => {
      const admin = await apiCaller("ADMIN");
      const reviewer = await apiCaller("CLINICIAN");
      const { lines, context } = await reviewOne(admin, reviewer, shape, field);
      expect(lines).toHaveLength(1);
      const line = lines[0] ?? {};
      expect(line.id).toBe("dlg-1");
      expect(line[field]).toEqual([
        ...context.map((t) => spell(t)),
        spell({ role: "assistant", content: "Corrected: rest, fluids, and see a doctor **today** 🙏" }),
      ]);
      expect(line.original_output).toBe(clinicalDialogue(0).at(-1)?.content);
      expect(line).not.toHaveProperty("instruction");
      expect(line).toMatchObject({ audit: { verdict: "revise", line: 1 } });
    },
  );

  it("gives the disagreement view each context turn with its PHI spans", async () => {
    const admin = await apiCaller("ADMIN");
    const text = JSON.stringify({
      messages: [
        { role: "user", content: "My MRN is 12345678, call me on 020 7946 0958." },
        { role: "assistant", content: "Please do not share identifiers." },
      ],
    });
    const imported = await importFile(admin, text, { conversationField: "messages" });
    const datasetId = ((await imported.json()) as { id: string }).id;
    const created = await admin.call(createCampaignRoute, "/api/v1/audits", {
      method: "POST",
      body: { datasetId, sampleSize: 1, seed: "s", reviewersPerItem: 2 },
    });
    const campaignId = ((await created.json()) as { id: string }).id;
    for (const verdict of ["accept", "reject"]) {
      const r = await apiCaller("CLINICIAN");
      const next = await r.call(nextItemRoute, `/api/v1/audits/${campaignId}/assignments/next`, {
        method: "POST",
        params: { id: campaignId },
      });
      const { assignmentId } = (await next.json()) as { assignmentId: string };
      await r.call(assignmentSubmitRoute, `/api/v1/assignments/${assignmentId}/submit`, {
        method: "POST",
        params: { id: assignmentId },
        body: { verdict, flags: [] },
      });
    }
    const res = await admin.call(disagreementsRoute, `/api/v1/audits/${campaignId}/disagreements`, {
      params: { id: campaignId },
    });
    const { items } = (await res.json()) as {
      items: { context: TTurn[]; contextPhiSpans: { kind: string; start: number; end: number }[][] }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0]?.context).toHaveLength(1);
    expect(items[0]?.contextPhiSpans[0]?.length).toBeGreaterThan(0);
  });
});
