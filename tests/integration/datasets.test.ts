import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import {
  browseRecordsRoute,
  getDatasetRoute,
  importDatasetRoute,
  listDatasetsRoute,
} from "@/lib/datasets/dataset-routes";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { realDataFile, realDataTitle } from "../support/real-data";

const GENERATED_FILE = "alpacare/Output_path_for_task_generation.jsonl";
const MED_FILE = "alpacare/MedInstruct-test.jsonl";
const GENERATED = realDataFile(GENERATED_FILE);
const MED = realDataFile(MED_FILE);

/** Lines shaped like the AlpaCare generation file: instruction, input and metadata, no output. */
const generatedLike = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      instruction: `Generated task ${i} about discharge`,
      input: i % 2 ? "<noinput>" : "",
      type: "Open Q&A",
      topic: `t${i % 3}`,
      view: "Patient",
      difficulty: "2",
      request_idx: i,
    }),
  ).join("\n");
/** Lines shaped like MedInstruct-test: the answers under model names, no output field. */
const medLike = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      id: i,
      instruction: `Clinical question ${i}?`,
      difficulty: String(1 + (i % 5)),
      "gpt-4-answer": `GPT-4 answer ${i}.`,
      "claude-2": ` Claude answer ${i}.`,
      "gpt-3.5-turbo-answer": `Turbo ${i}.`,
      "text-davinci-003-answer": `\n\nDavinci ${i}.`,
    }),
  ).join("\n");
const withOutputs = (n: number, word = "discharge") =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      instruction: `Task ${i} on ${word}`,
      input: "",
      output: `Answer ${i}.`,
      topic: `t${i % 3}`,
    }),
  ).join("\n");

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function tokenFor(role: "ADMIN" | "CLINICIAN" | "RESEARCHER") {
  const user = await makeUser(role);
  return (await insertApiToken(db(), user.id, "test", null)).token;
}

function post(
  token: string,
  body: BodyInit,
  type = "application/x-ndjson",
  name = "Generated",
  mapping: Record<string, string> = {},
) {
  const query = new URLSearchParams({ name, ...mapping });
  return importDatasetRoute.handle(
    new Request(`http://app.test/api/v1/datasets?${query.toString()}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
      duplex: "half",
    } as RequestInit),
  );
}
const fileStream = (p: string) =>
  Readable.toWeb(createReadStream(p, { highWaterMark: 1024 })) as ReadableStream<Uint8Array>;
const get = (
  route: { handle: (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response> },
  token: string,
  url: string,
  params: Record<string, string> = {},
) =>
  route.handle(new Request(`http://app.test${url}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve(params),
  });

async function nothingPersisted() {
  expect(await db().dataset.count()).toBe(0);
  expect(await db().datasetRecord.count()).toBe(0);
}

type TProblem = {
  detail: string;
  invalid: { line?: number; item?: number; reason: string }[];
  invalidCount: number;
  fields: string[];
};

describe("dataset import: field mapping and required outputs", () => {
  async function refusesWithoutOutputs(body: BodyInit, lines: number) {
    const admin = await tokenFor("ADMIN");
    const res = await post(admin, body);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = (await res.json()) as TProblem;
    expect(p.invalidCount).toBe(lines);
    expect(p.invalid.slice(0, 3)).toEqual([1, 2, 3].map((line) => ({ line, reason: '"output" is missing' })));
    expect(p.fields).toEqual(["instruction", "input", "type", "topic", "view", "difficulty", "request_idx"]);
    expect(p.detail).toBe(
      `${lines} record(s) have no "output" to use as the output, and every record needs one; nothing was imported. ` +
        "The file's fields are: instruction, input, type, topic, view, difficulty, request_idx. Choose which field is the output.",
    );
    await nothingPersisted();
  }
  it.skipIf(!GENERATED)(
    realDataTitle(
      "refuses the real AlpaCare generation file (no outputs), naming its first lines and its fields",
      GENERATED_FILE,
    ),
    async () => {
      await refusesWithoutOutputs(fileStream(GENERATED ?? ""), 12);
    },
  );
  it("refuses a generated file of the same shape (no outputs), naming its first lines and its fields", async () => {
    await refusesWithoutOutputs(generatedLike(12), 12);
  });

  /** `body` is called twice: a stream is read once. */
  async function importsWithMapping(body: () => BodyInit, lines: Record<string, unknown>[]) {
    const admin = await tokenFor("ADMIN");
    // Without the mapping: refused, naming the fields to choose from.
    const refused = (await (await post(admin, body())).json()) as TProblem;
    expect(refused.fields).toEqual([
      "id",
      "instruction",
      "difficulty",
      "gpt-4-answer",
      "claude-2",
      "gpt-3.5-turbo-answer",
      "text-davinci-003-answer",
    ]);
    await nothingPersisted();
    const res = await post(admin, body(), "application/x-ndjson", "MedInstruct", {
      outputField: "gpt-4-answer",
      inputField: "",
    });
    expect(res.status).toBe(201);
    const r = (await res.json()) as { id: string; count: number };
    expect(r.count).toBe(lines.length);
    const stored = await db().datasetRecord.findMany({
      where: { datasetId: r.id },
      orderBy: { ordinal: "asc" },
    });
    expect(stored.map((x) => x.output)).toEqual(lines.map((l) => l["gpt-4-answer"]));
    expect(stored.map((x) => x.instruction)).toEqual(lines.map((l) => l.instruction));
    expect(stored.every((x) => x.input === "")).toBe(true);
    // The other answers stay, byte for byte, as metadata.
    expect(stored[0]?.metadata).toMatchObject({
      "claude-2": lines[0]?.["claude-2"],
      "text-davinci-003-answer": lines[0]?.["text-davinci-003-answer"],
    });
    const ds = await db().dataset.findUniqueOrThrow({ where: { id: r.id } });
    expect(ds.fields).toEqual([
      "claude-2",
      "difficulty",
      "gpt-3.5-turbo-answer",
      "id",
      "text-davinci-003-answer",
    ]);
    expect(
      await db().auditLog.findFirst({ where: { action: "dataset.import", entityId: r.id } }),
    ).toMatchObject({
      after: { mapping: { instruction: "instruction", input: "", output: "gpt-4-answer" } },
    });
  }
  it.skipIf(!MED)(
    realDataTitle("imports the raw MedInstruct-test file with gpt-4-answer as the output", MED_FILE),
    async () => {
      const lines = readFileSync(MED ?? "", "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(216);
      await importsWithMapping(() => fileStream(MED ?? ""), lines);
    },
  );
  it("imports a generated MedInstruct-shaped file with gpt-4-answer as the output", async () => {
    const text = medLike(20);
    await importsWithMapping(
      () => text,
      text.split("\n").map((l) => JSON.parse(l) as Record<string, unknown>),
    );
  });

  it("maps renamed fields in JSON arrays too; refuses a mapping of one field twice; each refusal changes nothing", async () => {
    const admin = await tokenFor("ADMIN");
    const arr = JSON.stringify([
      { q: "Why?", ctx: "c", a: "Because." },
      { q: "How?", a: "Thus." },
    ]);
    const twice = await post(admin, arr, "application/json", "x", {
      instructionField: "q",
      outputField: "q",
    });
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({
      errors: { outputField: ["The instruction, input and output must be different fields"] },
    });
    const partly = await post(
      admin,
      JSON.stringify([{ q: "Why?", a: "Because." }, { q: "How?", a: " " }, { q: "When?" }]),
      "application/json",
      "x",
      { instructionField: "q", outputField: "a" },
    );
    expect(await partly.json()).toMatchObject({
      invalid: [
        { item: 2, reason: '"a" is empty' },
        { item: 3, reason: '"a" is missing' },
      ],
      fields: ["q", "a"],
      detail: expect.stringContaining('2 record(s) have no "a"') as string,
    });
    await nothingPersisted();
    const ok = await post(admin, arr, "application/json", "Renamed", {
      instructionField: "q",
      inputField: "ctx",
      outputField: "a",
    });
    expect(ok.status).toBe(201);
    const stored = await db().datasetRecord.findMany({
      orderBy: { ordinal: "asc" },
      select: { instruction: true, input: true, output: true },
    });
    expect(stored).toEqual([
      { instruction: "Why?", input: "c", output: "Because." },
      { instruction: "How?", input: "", output: "Thus." },
    ]);
  });

  it("an empty file says it is empty", async () => {
    const admin = await tokenFor("ADMIN");
    for (const [body, type] of [
      ["", "application/x-ndjson"],
      ["\n \r\n", "application/x-ndjson"],
      ["[]", "application/json"],
    ] as const) {
      const res = await post(admin, body, type);
      expect(res.status).toBe(422);
      expect(((await res.json()) as { detail: string }).detail).toBe(
        "The file is empty: it holds no records; nothing was imported",
      );
    }
    await nothingPersisted();
  });
});

describe("dataset import", () => {
  it("imports a JSON array and counts exact duplicates", async () => {
    const admin = await tokenFor("ADMIN");
    const arr = JSON.stringify([
      { instruction: "A", output: "x" },
      { instruction: "B", output: "y" },
      { instruction: "A", input: "", output: "x", meta: 1 },
    ]);
    expect(await (await post(admin, arr, "application/json", "Array")).json()).toMatchObject({
      count: 2,
      duplicates: 1,
    });
    const dup =
      '{"instruction":"A","output":"x"}\n{"instruction":"B","output":"z"}\n{"instruction":"A","input":"","output":"x","meta":1}\n';
    expect(await (await post(admin, dup)).json()).toMatchObject({ count: 2, duplicates: 1 });
  });

  it("refuses a file with any bad record whole: 422 listing lines, nothing persisted, even after batches were staged", async () => {
    const admin = await tokenFor("ADMIN");
    const good = Array.from({ length: 2_500 }, (_, i) =>
      JSON.stringify({ instruction: `task ${i}`, output: "<script>alert(1)</script>" }),
    );
    const bad = [
      '{"instruction": "broken"',
      JSON.stringify({ instruction: 42 }),
      JSON.stringify({ instruction: "nul \u0000 here" }),
      JSON.stringify({ instruction: "x".repeat(20_001) }),
      JSON.stringify({ instruction: "ok", input: { nested: true } }),
      "[1,2]",
      '{"instruction":"lone surrogate","input":"\\ud800"}',
    ];
    const res = await post(admin, [...good, ...bad].join("\n"));
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const p = (await res.json()) as {
      invalid: { line: number; reason: string }[];
      invalidCount: number;
      detail: string;
    };
    expect(p.invalidCount).toBe(7);
    expect(p.invalid.map((e) => e.line)).toEqual([2501, 2502, 2503, 2504, 2505, 2506, 2507]);
    expect(p.invalid[0]?.reason).toBe("not valid JSON");
    expect(p.invalid[2]?.reason).toContain("NUL");
    expect(JSON.stringify(p)).not.toMatch(/prisma|stack|SELECT/i);
    await nothingPersisted();
  });

  it("caps the listed errors, refuses broken arrays, empty files and wrong content types", async () => {
    const admin = await tokenFor("ADMIN");
    const many = await post(admin, Array.from({ length: 80 }, () => "{bad").join("\n"));
    const p = (await many.json()) as { invalid: unknown[]; invalidCount: number };
    expect(p.invalid).toHaveLength(50);
    expect(p.invalidCount).toBe(80);
    expect((await post(admin, '[{"instruction":"a"},]', "application/json")).status).toBe(422);
    expect((await post(admin, '[{"instruction":"a"}', "application/json")).status).toBe(422);
    expect((await post(admin, "\n\n", "application/x-ndjson")).status).toBe(422);
    // A record that is fine but for its missing output is listed with the rest.
    const mixed = (await (await post(admin, '{"instruction":"a"}\n{bad')).json()) as TProblem;
    expect(mixed.invalid).toEqual([
      { line: 1, reason: '"output" is missing' },
      { line: 2, reason: "not valid JSON" },
    ]);
    expect(mixed.detail).toContain(
      '1 record(s) have no "output" to use as the output, and every record needs one (1 other record(s) are invalid too); nothing was imported.',
    );
    expect((await post(admin, '{"instruction":"a"}', "text/html")).status).toBe(415);
    expect((await post(admin, '{"instruction":"a"}', "application/x-ndjson", "")).status).toBe(400);
    await nothingPersisted();
  });

  it("refuses 1e400 in metadata and invalid UTF-8 (422, naming the line or item), in JSONL and JSON arrays, instead of storing null or U+FFFD", async () => {
    const admin = await tokenFor("ADMIN");
    const huge = '{"instruction":"a","output":"x","score":1e400}';
    const jsonl = await post(admin, `{"instruction":"b","output":"y","score":1e300}\n${huge}`);
    expect(jsonl.status).toBe(422);
    expect(((await jsonl.json()) as TProblem).invalid).toEqual([
      { line: 2, reason: "metadata holds a number too large to store" },
    ]);
    const array = await post(admin, `[${huge}]`, "application/json");
    expect(array.status).toBe(422);
    expect(((await array.json()) as TProblem).invalid).toEqual([
      { item: 1, reason: "metadata holds a number too large to store" },
    ]);
    // An uploaded file, unlike a JSON API body (400, platform-json-bodies.test.ts), is refused as unprocessable content, by line where it has lines.
    const bad = (text: string) =>
      Buffer.concat(
        text
          .split("\u00ff")
          .flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from([0xff]), Buffer.from(part)])),
      );
    const badLine = await post(
      admin,
      bad('{"instruction":"ok","output":"x"}\n{"instruction":"caf\u00ff","output":"x"}'),
    );
    expect(badLine.status).toBe(422);
    expect(((await badLine.json()) as TProblem).invalid).toEqual([{ line: 2, reason: "is not valid UTF-8" }]);
    const badArray = await post(admin, bad('[{"instruction":"caf\u00ff","output":"x"}]'), "application/json");
    expect(badArray.status).toBe(422);
    expect(((await badArray.json()) as TProblem).detail).toBe(
      "The file is not valid UTF-8; nothing was imported",
    );
    await nothingPersisted();
  });

  it("streams 52,002 generated records (~70 MB) without holding the body", async () => {
    const admin = await tokenFor("ADMIN");
    const N = 52_002;
    const pad = "Clinical answer text. ".repeat(55);
    let i = 0;
    let sent = 0;
    let stagedMidway = -1;
    const enc = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (i >= N) return controller.close();
        // Streamed end to end: records are already staged while most of the body is unsent.
        if (i === 20_000) stagedMidway = await db().datasetRecord.count();
        const lines: string[] = [];
        for (let k = 0; k < 500 && i < N; k++, i++)
          lines.push(
            JSON.stringify({ instruction: `Task ${i}`, input: "", output: `${pad}${i}`, topic: `t${i % 7}` }),
          );
        const bytes = enc.encode(`${lines.join("\n")}\n`);
        sent += bytes.byteLength;
        controller.enqueue(bytes);
      },
    });
    const res = await post(admin, body);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ count: N, duplicates: 0 });
    expect(sent).toBeGreaterThan(65_000_000);
    expect(stagedMidway).toBeGreaterThanOrEqual(15_000);
    expect(await db().dataset.count({ where: { status: "STAGING" } })).toBe(0);
  }, 180_000);

  it("clears staging rows a crashed import left behind, but not those of an import still running", async () => {
    const owner = await makeUser("ADMIN");
    const crashed = await db().dataset.create({
      data: { name: "crashed", createdById: owner.id, createdAt: new Date(Date.now() - 2 * 3_600_000) },
    });
    await db().datasetRecord.create({
      data: { datasetId: crashed.id, ordinal: 1, instruction: "orphan", contentHash: "h" },
    });
    const running = await db().dataset.create({ data: { name: "running", createdById: owner.id } });
    const res = await post(await tokenFor("ADMIN"), withOutputs(12));
    expect(res.status).toBe(201);
    expect(await db().dataset.findUnique({ where: { id: crashed.id } })).toBeNull();
    expect(await db().datasetRecord.count({ where: { datasetId: crashed.id } })).toBe(0);
    expect((await db().dataset.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("STAGING");
  });
});

describe("dataset reading", () => {
  it("lists, shows and searches for readers; clinicians are refused; a staging import is invisible", async () => {
    const admin = await tokenFor("ADMIN");
    const res = await post(admin, withOutputs(12));
    const { id } = (await res.json()) as { id: string };
    const researcher = await tokenFor("RESEARCHER");
    const list = (await (await get(listDatasetsRoute, researcher, "/api/v1/datasets")).json()) as {
      datasets: { id: string }[];
    };
    expect(list.datasets.map((d) => d.id)).toEqual([id]);
    expect(
      await (await get(getDatasetRoute, researcher, `/api/v1/datasets/${id}`, { id })).json(),
    ).toMatchObject({ count: 12 });
    const found = (await (
      await get(browseRecordsRoute, researcher, `/api/v1/datasets/${id}/records?q=discharge`, { id })
    ).json()) as {
      total: number;
      records: { instruction: string }[];
    };
    expect(found.total).toBeGreaterThan(0);
    expect(found.records.every((r) => /discharge/i.test(JSON.stringify(r)))).toBe(true);
    const clinician = await tokenFor("CLINICIAN");
    expect((await get(listDatasetsRoute, clinician, "/api/v1/datasets")).status).toBe(403);

    const staging = await db().dataset.create({
      data: { name: "half", createdById: (await makeUser("ADMIN")).id },
    });
    expect(
      (await get(getDatasetRoute, researcher, `/api/v1/datasets/${staging.id}`, { id: staging.id })).status,
    ).toBe(404);
  });
});
