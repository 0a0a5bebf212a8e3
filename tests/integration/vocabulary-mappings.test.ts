import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { addTerm } from "@/lib/vocabulary/add-term";
import {
  addAliasRoute,
  addTermRoute,
  applyMappingsRoute,
  listTermsRoute,
  removeAliasRoute,
  renameTermRoute,
  restoreTermRoute,
  retireTermRoute,
} from "@/lib/vocabulary/routes";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { ctx } from "../support/factories";
import { realDataFile, realDataTitle } from "../support/real-data";
import { generatedSeedRecords } from "../support/seed-files";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const MAPPINGS = "/api/v1/vocabulary/mappings";
const terms = () => db().vocabularyTerm.findMany({ orderBy: { label: "asc" } });
const vocabularyAudit = () => db().auditLog.count({ where: { entityType: "vocabulary_term" } });

type TProblem = { errors?: Record<string, string[]>; unknownLabels?: TUnknown[] };
type TUnknown = {
  kind: string;
  label: string;
  spellings: string[];
  cluster: string;
  suggestions: { termId: string; label: string; score: number }[];
};

describe("POST /api/v1/vocabulary/mappings", () => {
  it("applies new terms and aliases in one request, each audited", async () => {
    const admin = await apiCaller("ADMIN");
    const rewrite = await addTerm(admin.current, { kind: "TYPE", label: "Rewrite" }, ctx());
    const auditBefore = await vocabularyAudit();
    const res = await admin.call(applyMappingsRoute, MAPPINGS, {
      method: "POST",
      body: {
        mappings: [
          {
            action: "alias",
            kind: "TYPE",
            termId: rewrite.id,
            spellings: ["Rewrites", "Rewriting", "rewrite"],
          },
          {
            action: "new",
            kind: "TYPE",
            label: "Classification",
            aliases: ["Classifications", "classification"],
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      added: [{ label: "Classification" }],
      aliased: [{ label: "Rewrite" }],
    });
    expect((await terms()).map((t) => [t.label, t.aliases])).toEqual([
      ["Classification", ["Classifications"]],
      ["Rewrite", ["Rewrites", "Rewriting"]],
    ]);
    expect((await vocabularyAudit()) - auditBefore).toBe(2);
  });

  it("refuses a conflicting alias with a field error and writes nothing of the request", async () => {
    const admin = await apiCaller("ADMIN");
    const rewrite = await addTerm(admin.current, { kind: "TYPE", label: "Rewrite" }, ctx());
    await addTerm(admin.current, { kind: "TYPE", label: "Chat" }, ctx());
    const before = await terms();
    const auditBefore = await vocabularyAudit();
    const res = await admin.call(applyMappingsRoute, MAPPINGS, {
      method: "POST",
      body: {
        mappings: [
          { action: "new", kind: "TYPE", label: "Summarization", aliases: [] },
          { action: "alias", kind: "TYPE", termId: rewrite.id, spellings: ["Rewrites", "chat"] },
          { action: "new", kind: "TYPE", label: "Open Q&A", aliases: ["Rewrites"] },
        ],
      },
    });
    expect(res.status).toBe(422);
    const body = (await res.json()) as TProblem;
    expect(body.errors?.["mappings.1.spellings"]?.join(" ")).toContain("already belongs to “Chat”");
    expect(body.errors?.["mappings.2.aliases"]?.join(" ")).toContain("also mapped by decision 2");
    expect(body.errors?.["mappings.0.label"]).toBeUndefined();
    expect(await terms()).toEqual(before);
    expect(await vocabularyAudit()).toBe(auditBefore);
  });

  it("refuses a term of another kind or a retired one, and a retired term's label as new", async () => {
    const admin = await apiCaller("ADMIN");
    const topic = await addTerm(admin.current, { kind: "TOPIC", label: "Cardiology" }, ctx());
    const old = await addTerm(admin.current, { kind: "TYPE", label: "Paraphrase" }, ctx());
    await db().vocabularyTerm.update({ where: { id: old.id }, data: { retiredAt: new Date() } });
    const res = await admin.call(applyMappingsRoute, MAPPINGS, {
      method: "POST",
      body: {
        mappings: [
          { action: "alias", kind: "TYPE", termId: topic.id, spellings: ["Cardio"] },
          { action: "alias", kind: "TYPE", termId: old.id, spellings: ["Paraphrases"] },
          { action: "new", kind: "TYPE", label: "paraphrase", aliases: [] },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(((await res.json()) as TProblem).errors ?? {}).sort()).toEqual([
      "mappings.0.termId",
      "mappings.1.termId",
      "mappings.2.label",
    ]);
    expect(await db().vocabularyTerm.count()).toBe(2);
  });
});

describe("import suggestions, then the mapping, then the import", () => {
  it("generated records: near-duplicates arrive clustered with suggestions; accepting them imports every record", async () => {
    const admin = await apiCaller("ADMIN");
    await addTerm(admin.current, { kind: "TYPE", label: "Rewrite" }, ctx());
    const records = generatedSeedRecords(12).map((r, i) => ({
      ...r,
      type:
        ["Rewrites", "Rewriting", "Rewrite Task", "Summarizations", "Summarization", "Chat"][i % 6] ?? "Chat",
    }));
    const file = JSON.stringify(records);
    const check = await admin.call(importSeedsRoute, "/api/v1/seeds/import?dryRun=1", {
      method: "POST",
      body: file,
    });
    expect(check.status).toBe(422);
    const unknown = ((await check.json()) as TProblem).unknownLabels ?? [];
    const types = unknown.filter((u) => u.kind === "TYPE");
    for (const label of ["Rewrites", "Rewriting", "Rewrite Task"])
      expect(types.find((u) => u.label === label)?.suggestions[0]).toMatchObject({
        label: "Rewrite",
        score: 1,
      });
    expect(new Set(types.filter((u) => u.label.startsWith("Summari")).map((u) => u.cluster))).toEqual(
      new Set(["Summarization"]),
    );

    // What the screen's "Accept all suggestions" sends: one decision per cluster.
    const clusters = new Map<string, TUnknown[]>();
    for (const u of unknown)
      clusters.set(`${u.kind}:${u.cluster}`, [...(clusters.get(`${u.kind}:${u.cluster}`) ?? []), u]);
    const mappings = [...clusters.values()].map((members) => {
      const best = members.flatMap((m) => m.suggestions).sort((a, b) => b.score - a.score)[0];
      const spellings = members.flatMap((m) => m.spellings);
      const first = members[0] as TUnknown;
      return best
        ? { action: "alias", kind: first.kind, termId: best.termId, spellings }
        : { action: "new", kind: first.kind, label: first.cluster, aliases: spellings };
    });
    const applied = await admin.call(applyMappingsRoute, MAPPINGS, { method: "POST", body: { mappings } });
    expect(applied.status).toBe(200);
    const typeLabels = (await terms()).filter((t) => t.kind === "TYPE").map((t) => t.label);
    expect(typeLabels).toEqual(["Chat", "Rewrite", "Summarization"]);

    const imported = await admin.call(importSeedsRoute, "/api/v1/seeds/import", {
      method: "POST",
      body: file,
    });
    expect(imported.status).toBe(201);
    expect(await db().seed.count()).toBe(records.length);
  });

  const REAL = "alpacare/med_seed.json";
  const SEED_FILE = realDataFile(REAL);
  it.skipIf(!SEED_FILE)(
    realDataTitle(
      "the real AlpaCare seeds: every unknown label clustered, the types into at most 12 terms",
      REAL,
    ),
    async () => {
      const admin = await apiCaller("ADMIN");
      const file = readFileSync(SEED_FILE ?? "", "utf8");
      const check = await admin.call(importSeedsRoute, "/api/v1/seeds/import?dryRun=1", {
        method: "POST",
        body: file,
      });
      const unknown = ((await check.json()) as TProblem).unknownLabels ?? [];
      expect(unknown.length).toBeGreaterThan(100);
      const types = new Set(unknown.filter((u) => u.kind === "TYPE").map((u) => u.cluster));
      expect(types.size).toBeLessThanOrEqual(12);
      expect(types).toContain("Rewrite");
    },
  );
});

describe("vocabulary routes by role", () => {
  const NONE = "00000000-0000-4000-8000-0000000000cc";
  const calls = [
    [listTermsRoute, "GET", "/api/v1/vocabulary/terms", undefined],
    [addTermRoute, "POST", "/api/v1/vocabulary/terms", { kind: "TOPIC", label: "Role test" }],
    [renameTermRoute, "PATCH", `/api/v1/vocabulary/terms/${NONE}`, { label: "X" }],
    [addAliasRoute, "POST", `/api/v1/vocabulary/terms/${NONE}/aliases`, { alias: "X" }],
    [removeAliasRoute, "POST", `/api/v1/vocabulary/terms/${NONE}/aliases/remove`, { alias: "X" }],
    [retireTermRoute, "POST", `/api/v1/vocabulary/terms/${NONE}/retire`, {}],
    [restoreTermRoute, "POST", `/api/v1/vocabulary/terms/${NONE}/restore`, undefined],
    [
      applyMappingsRoute,
      "POST",
      MAPPINGS,
      { mappings: [{ action: "new", kind: "TYPE", label: "X", aliases: [] }] },
    ],
  ] as const;

  for (const role of ["CLINICIAN", "RESEARCHER"] as const) {
    it(`${role.toLowerCase()}: every vocabulary route answers 403 and nothing changes`, async () => {
      const who = await apiCaller(role);
      for (const [route, method, url, body] of calls) {
        const res = await who.call(route, url, { method, body, params: { id: NONE } });
        expect(res.status, `${method} ${url}`).toBe(403);
      }
      expect(await db().vocabularyTerm.count()).toBe(0);
    });
  }

  it("admin: every vocabulary route is admitted (created, listed, or not found for an unknown id)", async () => {
    const admin = await apiCaller("ADMIN");
    const statuses: number[] = [];
    for (const [route, method, url, body] of calls) {
      statuses.push((await admin.call(route, url, { method, body, params: { id: NONE } })).status);
    }
    expect(statuses).toEqual([200, 201, 404, 404, 404, 404, 404, 200]);
  });
});

describe("GET /api/v1/vocabulary/terms", () => {
  it("pages by label with a cursor, searches labels and aliases, and counts every match", async () => {
    const admin = await apiCaller("ADMIN");
    await db().vocabularyTerm.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        kind: "TOPIC" as const,
        label: `Topic ${String(i).padStart(3, "0")}`,
        aliases: i === 7 ? ["Cardio 100%"] : [],
      })),
    });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `&cursor=${cursor}` : "";
      const res = await admin.call(listTermsRoute, `/api/v1/vocabulary/terms?limit=50${q}`);
      const page = (await res.json()) as {
        items: { label: string }[];
        total: number;
        nextCursor: string | null;
      };
      expect(page.total).toBe(120);
      seen.push(...page.items.map((t) => t.label));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
    expect(seen[0]).toBe("Topic 000");

    const hit = await admin.call(listTermsRoute, "/api/v1/vocabulary/terms?q=cardio%20100%25");
    expect(((await hit.json()) as { items: { label: string }[] }).items.map((t) => t.label)).toEqual([
      "Topic 007",
    ]);
    const none = await admin.call(listTermsRoute, "/api/v1/vocabulary/terms?q=%25");
    expect(((await none.json()) as { total: number }).total).toBe(1);
    const bad = await admin.call(listTermsRoute, "/api/v1/vocabulary/terms?cursor=nonsense");
    expect(bad.status).toBe(422);
  });

  it("reads the first page of 2,000 terms along the label index, not by sorting every term", async () => {
    await db().vocabularyTerm.createMany({
      data: Array.from({ length: 2_000 }, (_, i) => ({
        kind: (["TOPIC", "VIEW", "TYPE"] as const)[i % 3] ?? "TOPIC",
        label: `Term ${String(i).padStart(4, "0")}`,
        aliases: [],
      })),
    });
    await db().$executeRaw`ANALYZE "VocabularyTerm"`;
    // The shape listTermsPage sends for the page's first render (live terms, no search).
    const [row] = await db().$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (FORMAT JSON)
      SELECT t.id::text AS id, t.kind::text AS kind, t.label, t.aliases, t."retiredAt"
        FROM "VocabularyTerm" t
       WHERE t."retiredAt" IS NULL
       ORDER BY t.label, t.id
       LIMIT ${51}`;
    const text = JSON.stringify(row?.["QUERY PLAN"]);
    expect(text).toContain('"Index Name":"VocabularyTerm_label_id_idx"');
    expect(text).not.toContain('"Node Type":"Sort"');
    const admin = await apiCaller("ADMIN");
    const page = (await (await admin.call(listTermsRoute, "/api/v1/vocabulary/terms?limit=50")).json()) as {
      items: { label: string }[];
      total: number;
    };
    expect(page.total).toBe(2_000);
    expect(page.items.map((t) => t.label).slice(0, 2)).toEqual(["Term 0000", "Term 0001"]);
  });
});
