import { createReadStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { browseRecordsRoute, getDatasetRoute, importDatasetRoute, listDatasetsRoute } from "@/lib/datasets/dataset-routes";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

const repoRoot = path.resolve(__dirname, "../..");
const GENERATED = path.resolve(repoRoot, "../shared/data/alpacare/Output_path_for_task_generation.jsonl");
const SEEDS = path.resolve(repoRoot, "../shared/data/alpacare/med_seed.json");

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

function post(token: string, body: BodyInit, type = "application/x-ndjson", name = "Generated") {
  return importDatasetRoute.handle(
    new Request(`http://app.test/api/v1/datasets?name=${encodeURIComponent(name)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
      duplex: "half",
    } as RequestInit),
  );
}
const fileStream = (p: string) => Readable.toWeb(createReadStream(p, { highWaterMark: 1024 })) as ReadableStream<Uint8Array>;
const get = (route: { handle: (r: Request, c?: { params: Promise<Record<string, string>> }) => Promise<Response> }, token: string, url: string, params: Record<string, string> = {}) =>
  route.handle(new Request(`http://app.test${url}`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve(params) });

async function nothingPersisted() {
  expect(await db().dataset.count()).toBe(0);
  expect(await db().datasetRecord.count()).toBe(0);
}

describe("dataset import", () => {
  it("streams the real AlpaCare generation file (JSONL): 201, metadata fields kept, output absent", async () => {
    const admin = await tokenFor("ADMIN");
    const res = await post(admin, fileStream(GENERATED));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; name: string; count: number; duplicates: number };
    expect(body).toMatchObject({ name: "Generated", count: 12, duplicates: 0 });
    const lines = readFileSync(GENERATED, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    const stored = await db().datasetRecord.findMany({ where: { datasetId: body.id }, orderBy: { ordinal: "asc" } });
    expect(stored.map((r) => r.instruction)).toEqual(lines.map((l) => l.instruction));
    expect(stored.map((r) => r.ordinal)).toEqual(lines.map((_, i) => i + 1));
    expect(stored[0]?.output).toBeNull();
    expect(stored[4]?.metadata).toEqual({ type: lines[4]?.type, topic: lines[4]?.topic, view: lines[4]?.view, difficulty: lines[4]?.difficulty, request_idx: 4 });
    const ds = await db().dataset.findUniqueOrThrow({ where: { id: body.id } });
    expect(ds.status).toBe("READY");
    expect(ds.fields).toEqual(["difficulty", "request_idx", "topic", "type", "view"]);
    expect(await db().auditLog.count({ where: { action: "dataset.import", entityId: body.id } })).toBe(1);
  });

  it("imports a JSON array (the AlpaCare seed file) and counts exact duplicates", async () => {
    const admin = await tokenFor("ADMIN");
    const seeds = JSON.parse(readFileSync(SEEDS, "utf8")) as Record<string, string>[];
    const unique = new Set(seeds.map((s) => JSON.stringify([s.instruction, s.input ?? "", null]))).size;
    const res = await post(admin, fileStream(SEEDS), "application/json", "Seeds");
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ count: unique, duplicates: seeds.length - unique });

    const dup = '{"instruction":"A","output":"x"}\n{"instruction":"B"}\n{"instruction":"A","input":"","output":"x","meta":1}\n';
    expect(await (await post(admin, dup)).json()).toMatchObject({ count: 2, duplicates: 1 });
  });

  it("refuses a file with any bad record whole: 422 listing lines, nothing persisted, even after batches were staged", async () => {
    const admin = await tokenFor("ADMIN");
    const good = Array.from({ length: 2_500 }, (_, i) => JSON.stringify({ instruction: `task ${i}`, output: "<script>alert(1)</script>" }));
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
    const p = (await res.json()) as { invalid: { line: number; reason: string }[]; invalidCount: number; detail: string };
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
    expect((await post(admin, '{"instruction":"a"}', "text/html")).status).toBe(415);
    expect((await post(admin, '{"instruction":"a"}', "application/x-ndjson", "")).status).toBe(400);
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
        for (let k = 0; k < 500 && i < N; k++, i++) lines.push(JSON.stringify({ instruction: `Task ${i}`, input: "", output: `${pad}${i}`, topic: `t${i % 7}` }));
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
    const crashed = await db().dataset.create({ data: { name: "crashed", createdById: owner.id, createdAt: new Date(Date.now() - 2 * 3_600_000) } });
    await db().datasetRecord.create({ data: { datasetId: crashed.id, ordinal: 1, instruction: "orphan", contentHash: "h" } });
    const running = await db().dataset.create({ data: { name: "running", createdById: owner.id } });
    const res = await post(await tokenFor("ADMIN"), fileStream(GENERATED));
    expect(res.status).toBe(201);
    expect(await db().dataset.findUnique({ where: { id: crashed.id } })).toBeNull();
    expect(await db().datasetRecord.count({ where: { datasetId: crashed.id } })).toBe(0);
    expect((await db().dataset.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("STAGING");
  });
});

describe("dataset reading", () => {
  it("lists, shows and searches for readers; clinicians are refused; a staging import is invisible", async () => {
    const admin = await tokenFor("ADMIN");
    const res = await post(admin, fileStream(GENERATED));
    const { id } = (await res.json()) as { id: string };
    const researcher = await tokenFor("RESEARCHER");
    const list = (await (await get(listDatasetsRoute, researcher, "/api/v1/datasets")).json()) as { datasets: { id: string }[] };
    expect(list.datasets.map((d) => d.id)).toEqual([id]);
    expect(await (await get(getDatasetRoute, researcher, `/api/v1/datasets/${id}`, { id })).json()).toMatchObject({ count: 12 });
    const found = (await (await get(browseRecordsRoute, researcher, `/api/v1/datasets/${id}/records?q=discharge`, { id })).json()) as {
      total: number;
      records: { instruction: string }[];
    };
    expect(found.total).toBeGreaterThan(0);
    expect(found.records.every((r) => /discharge/i.test(JSON.stringify(r)))).toBe(true);
    const clinician = await tokenFor("CLINICIAN");
    expect((await get(listDatasetsRoute, clinician, "/api/v1/datasets")).status).toBe(403);

    const staging = await db().dataset.create({ data: { name: "half", createdById: (await makeUser("ADMIN")).id } });
    expect((await get(getDatasetRoute, researcher, `/api/v1/datasets/${staging.id}`, { id: staging.id })).status).toBe(404);
  });
});
