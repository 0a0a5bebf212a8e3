// The route the import screen uploads to: every refusal it must put in words (problem+json, nothing
// stored), and a check (dry run) that previews exactly the import the same options run.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { generatedSeedRecords, labelsOf, repeatSeedFile, type TSeedRecord } from "../support/seed-files";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function setup(known: Partial<Record<"TOPIC" | "VIEW" | "TYPE", string[]>> = {}) {
  const admin = await makeUser("ADMIN");
  for (const [kind, labels] of Object.entries(known) as ["TOPIC" | "VIEW" | "TYPE", string[]][]) {
    for (const label of labels) await addTerm(asCurrent(admin), { kind, label }, ctx());
  }
  const { token } = await insertApiToken(db(), admin.id, "screen", null);
  return { admin, token };
}

function post(token: string, body: BodyInit, query: string, headers: Record<string, string> = {}) {
  return importSeedsRoute.handle(
    new Request(`http://app.test/api/v1/seeds/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    }),
  );
}

type TProblem = {
  status: number;
  detail: string;
  recordErrors?: { record: number; field: string; message: string }[];
};

async function refusal(res: Response): Promise<TProblem> {
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return (await res.json()) as TProblem;
}

/** A body that never says its length, as a chunked upload does: the limit must hold while reading. */
function streamOf(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new TextEncoder().encode(" ".repeat(Math.min(256_000, bytes - sent)));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

const good = generatedSeedRecords(3);

describe("the import route refuses in words, stores nothing, and the screen shows its words", () => {
  it("too big: over 5 MB, declared or streamed", async () => {
    const { token } = await setup(labelsOf(good));
    const declared = await refusal(await post(token, "x".repeat(5_000_001), ""));
    expect(declared).toMatchObject({
      status: 413,
      detail: expect.stringMatching(/^The file is larger than 5 MB \(5,000,000 bytes\)/) as string,
    });
    const streamed = await refusal(await post(token, streamOf(5_100_000), ""));
    expect(streamed.status).toBe(413);
    expect(streamed.detail).toBe(declared.detail);
    // Exactly at the limit is taken (then judged on its content: spaces only, so empty).
    expect((await refusal(await post(token, " ".repeat(5_000_000), ""))).status).toBe(422);
    expect(await db().seed.count()).toBe(0);
  });

  it("empty: an empty file, or one of blank lines, says it is empty", async () => {
    const { token } = await setup(labelsOf(good));
    for (const body of ["", "\n\n  \n"]) {
      expect(await refusal(await post(token, body, "dryRun=1"))).toMatchObject({
        status: 422,
        detail: "The file is empty: choose the file with the seeds",
      });
      expect(await refusal(await post(token, body, ""))).toMatchObject({
        status: 422,
        detail: "The file is empty: choose the file with the seeds",
      });
    }
    expect(await refusal(await post(token, "[]", ""))).toMatchObject({
      status: 422,
      detail: "The file holds no seeds: the JSON array is empty",
    });
  });

  it("not JSON: a CSV, a broken array, a file that is not UTF-8", async () => {
    const { token } = await setup(labelsOf(good));
    const csv = await refusal(
      await post(token, "topic,view,type,instruction\nCardiology,Patient,Chat,Explain angina\n", ""),
    );
    expect(csv.status).toBe(400);
    expect(csv.detail).toMatch(
      /^The file is not JSON\. Expected a JSON array of seed objects .* or JSON Lines/,
    );
    expect(csv.recordErrors ?? []).toEqual([]);
    const broken = JSON.stringify(good).slice(0, -10);
    expect(await refusal(await post(token, broken, ""))).toMatchObject({
      status: 400,
      detail: expect.stringMatching(/^The file is not valid JSON/) as string,
    });
    expect(await refusal(await post(token, new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]), ""))).toMatchObject({
      status: 400,
      detail: "The file is not valid UTF-8",
    });
    expect(await db().seed.count()).toBe(0);
  });

  it("wrong shape: another kind of file, a single value, records with wrong fields", async () => {
    const { token } = await setup(labelsOf(good));
    const dataset = [{ instruction: "Explain angina.", input: "", output: "Angina is chest pain…" }]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const other = await refusal(await post(token, dataset, "", { "content-type": "application/x-ndjson" }));
    expect(other.status).toBe(422);
    expect(other.detail).toMatch(
      /^No record is a seed\. Expected .* each with topic, view, type, instruction, input and difficulty/,
    );
    expect(other.recordErrors).toEqual(
      expect.arrayContaining([{ record: 1, field: "output", message: "Unknown field" }]),
    );
    expect((await refusal(await post(token, "42", ""))).detail).toMatch(
      /^The file holds a single JSON value, not seeds/,
    );
    const mixed = await refusal(
      await post(token, JSON.stringify([good[0], { ...good[1], difficulty: "9" }, "text"]), ""),
    );
    expect(mixed).toMatchObject({
      status: 422,
      detail: "Some records are not valid",
      recordErrors: [
        { record: 2, field: "difficulty", message: "Use 1 to 5" },
        { record: 3, field: "_", message: "Not a seed object" },
      ],
    });
    expect(
      await refusal(await post(token, JSON.stringify(good), "", { "content-type": "text/csv" })),
    ).toMatchObject({ status: 415 });
    expect(await db().seed.count()).toBe(0);
  });
});

/** The import's answer without what only a stored import has (its batch and seed ids). */
function comparable(body: Record<string, unknown>) {
  const {
    dryRun: _dry,
    batchId: _batch,
    phases: _timings,
    heldForReview,
    ...rest
  } = body as {
    dryRun: boolean;
    batchId: string | null;
    phases: unknown;
    heldForReview: { record: number }[];
  };
  return { ...rest, heldForReview: heldForReview.map((h) => h.record) };
}

describe("a check previews exactly the import it stands for", () => {
  // Known topics and views; two of the types are unknown; a near duplicate and a record with identifiers.
  const records: TSeedRecord[] = [
    ...generatedSeedRecords(12),
    { ...good[0]!, instruction: `${good[0]!.instruction} Please answer briefly.` },
    {
      ...good[1]!,
      instruction: "Draft a reply to the patient's question.",
      input: "Mr. John Smith, DOB 03/04/1961, asks about his results.",
    },
  ];
  const labels = labelsOf(records);
  const known = { TOPIC: labels.TOPIC, VIEW: labels.VIEW, TYPE: labels.TYPE.slice(2) };

  for (const status of ["submitted", "approved"] as const) {
    it(`status=${status}, unknownLabels=add: the dry run's answer is the import's, and the dry run stores nothing`, async () => {
      const { token } = await setup(known);
      const file = JSON.stringify(records);
      const query = `status=${status}&unknownLabels=add`;
      const termsBefore = await db().vocabularyTerm.count();
      const dry = await post(token, file, `dryRun=1&${query}`);
      expect(dry.status).toBe(200);
      const preview = (await dry.json()) as Record<string, unknown>;
      expect(await db().seed.count()).toBe(0);
      expect(await db().vocabularyTerm.count()).toBe(termsBefore);

      const run = await post(token, file, query);
      expect(run.status).toBe(201);
      const result = (await run.json()) as Record<string, unknown>;
      expect(comparable(preview)).toEqual(comparable(result));
      // Not vacuous: the preview names the terms it would add, the near duplicate and the held record.
      expect(preview.addedTerms).toEqual(labels.TYPE.slice(0, 2).map((label) => ({ kind: "TYPE", label })));
      expect((preview.nearDuplicates as unknown[]).length).toBeGreaterThan(0);
      expect(preview.approved).toBe(status === "approved" ? records.length - 1 : 0);
      expect(await db().seed.count({ where: { status: "APPROVED" } })).toBe(preview.approved);
      expect(await db().vocabularyTerm.count()).toBe(termsBefore + 2);
    });
  }

  it("unknownLabels=reject: the dry run refuses exactly as the import does", async () => {
    const { token } = await setup(known);
    const file = JSON.stringify(records);
    const dry = await refusal(await post(token, file, "dryRun=1&status=approved"));
    const run = await refusal(await post(token, file, "status=approved"));
    const { requestId: _a, ...dryRest } = dry as TProblem & { requestId: string };
    const { requestId: _b, ...runRest } = run as TProblem & { requestId: string };
    expect(dryRest).toEqual(runRest);
    expect(dry).toMatchObject({
      status: 422,
      detail: expect.stringMatching(/^2 labels are not in the vocabularies/) as string,
    });
    expect(await db().seed.count()).toBe(0);
  });
});

// The real med_seed.json repeated the same way goes through the browser in e2e/seeds-import.spec.ts.
describe("a 1.4 MB-class seed file, over the old 1 MB screen limit", () => {
  it("is imported whole through the route, every label new and added", async () => {
    const { token } = await setup();
    const { text, count } = repeatSeedFile(generatedSeedRecords(167), 1_400_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_400_000);
    const run = await post(token, text, "status=approved&unknownLabels=add");
    expect(run.status).toBe(201);
    const result = (await run.json()) as { count: number; approved: number; addedTerms: unknown[] };
    expect(result).toMatchObject({ count, approved: count });
    expect(result.addedTerms.length).toBeGreaterThan(10);
    expect(await db().seed.count()).toBe(count);
  });
});
