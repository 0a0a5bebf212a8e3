// The dataset browser's search (GET /api/v1/datasets/:id/records?q=) is read through the trigram
// index DatasetRecord_search_trgm_idx (migration 20261209030000_dataset_record_search), and finds
// exactly what the per-field match says: the instruction, input, output or a context turn's content.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { browseRecordsRoute } from "@/lib/datasets/dataset-routes";
import { searchCondition } from "@/lib/datasets/browse-records";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";

const RECORDS = 3_000;

type TTurnRow = { role: string; content: string };
/** Record i: half are conversations whose earlier turns alone say "ward round {i}". */
function record(i: number) {
  const context: TTurnRow[] | null =
    i % 2
      ? [
          { role: "user", content: `Seen on the ward round ${i} with chest pain` },
          { role: "assistant", content: "Which medicines do you take?" },
        ]
      : null;
  return {
    ordinal: i + 1,
    instruction: `Question ${i}: explain the finding`,
    input: i % 3 ? `context line ${i}` : "",
    output: i % 5 ? `Answer ${i} is benign` : null,
    context: context ?? undefined,
    contentHash: `hash-${i}`,
  };
}

let datasetId = "";
let caller: Awaited<ReturnType<typeof apiCaller>>;

beforeAll(async () => {
  await resetDatabase();
  const admin = await makeUser("ADMIN");
  const dataset = await db().dataset.create({
    data: { name: "Search", status: "READY", count: RECORDS, createdById: admin.id, fields: [] },
  });
  datasetId = dataset.id;
  await db().datasetRecord.createMany({
    data: Array.from({ length: RECORDS }, (_, i) => ({ ...record(i), datasetId })),
  });
  await db().$executeRaw`ANALYZE "DatasetRecord"`;
  caller = await apiCaller("ADMIN");
}, 120_000);
afterAll(async () => {
  await db().$disconnect();
});

async function search(q: string) {
  const res = await caller.call(
    browseRecordsRoute,
    `/api/v1/datasets/${datasetId}/records?${new URLSearchParams({ q, pageSize: "100" }).toString()}`,
    { params: { id: datasetId } },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; records: { ordinal: number }[] };
}

/** What the search must find (the query trimmed, as the API does), by the per-field rule. */
function expected(q: string): number[] {
  const needle = q.trim().toLowerCase();
  const has = (s: string | null | undefined) => (s ?? "").toLowerCase().includes(needle);
  return Array.from({ length: RECORDS }, (_, i) => record(i))
    .filter(
      (r) => has(r.instruction) || has(r.input) || has(r.output) || r.context?.some((t) => has(t.content)),
    )
    .map((r) => r.ordinal);
}

describe("dataset search", () => {
  it("reads the trigram index, not every record, for the count and the page", async () => {
    const where = searchCondition(datasetId, "no such finding");
    const plans = await Promise.all([
      db().$queryRaw<{ "QUERY PLAN": unknown }[]>`
        EXPLAIN (FORMAT JSON) SELECT count(*)::int AS total FROM "DatasetRecord" r WHERE ${where}`,
      db().$queryRaw<{ "QUERY PLAN": unknown }[]>`
        EXPLAIN (FORMAT JSON) SELECT r.ordinal FROM "DatasetRecord" r WHERE ${where}
         ORDER BY r.ordinal LIMIT 20 OFFSET 0`,
    ]);
    for (const [row] of plans) {
      const text = JSON.stringify(row?.["QUERY PLAN"]);
      expect(text).toContain('"Index Name":"DatasetRecord_search_trgm_idx"');
      expect(text).not.toContain('"Node Type":"Seq Scan"');
    }
  });

  it("finds exactly the per-field matches: texts, context turns, any case, wildcards literal", async () => {
    for (const q of [
      "no such finding",
      "WARD ROUND 17 ",
      "ward round 2999",
      "answer 12 is",
      "context line 100",
      "question 2999:",
      "%",
      "which medicines",
    ]) {
      const want = expected(q);
      const got = await search(q);
      expect(got.total, q).toBe(want.length);
      expect(
        got.records.map((r) => r.ordinal),
        q,
      ).toEqual(want.slice(0, 100));
    }
  });

  it("does not match text that spans two fields of the index's joined text", async () => {
    // Record 1: its instruction ends "the finding" and its input is "context line 1".
    expect(expected("finding\ncontext")).toEqual([]);
    expect((await search("finding\ncontext")).total).toBe(0);
    expect((await search("finding")).total).toBe(RECORDS);
  });
});
