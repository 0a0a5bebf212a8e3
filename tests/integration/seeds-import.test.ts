import { readFileSync } from "node:fs";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { addAlias } from "@/lib/vocabulary/add-alias";
import { addTerm } from "@/lib/vocabulary/add-term";
import { normaliseLabel } from "@/lib/vocabulary/normalise-label";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import type { TAlpacaSeed } from "@/lib/seeds/alpacare-format";
import { clusterNewTerms } from "@/lib/seeds/cluster-new-terms";
import { resolveImportLabels } from "@/lib/seeds/resolve-import-labels";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";
import { heldRecordNumbers } from "../support/seed-phi";

type TUnknown = { kind: "TOPIC" | "VIEW" | "TYPE"; label: string; spellings: string[]; records: number[] };

async function tokenFor(role: "ADMIN" | "CLINICIAN" | "RESEARCHER") {
  const user = await makeUser(role);
  const { token } = await insertApiToken(db(), user.id, "test", null);
  return { user, token };
}

function importReq(token: string, body: string, query: string, type = "application/json") {
  return importSeedsRoute.handle(
    new Request(`http://app.test/api/v1/seeds/import?${query}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": type },
      body,
    }),
  );
}

const exportReq = (token: string, query: string) =>
  exportSeedsRoute.handle(
    new Request(`http://app.test/api/v1/seeds/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );

// AlpaCare's canonical types; the file's other spellings are mapped to them or are variants of them.
const CANONICAL_TYPES = [
  "Open Q&A",
  "Multiple-choice Q&A",
  "USMLE-style Q&A",
  "Single-hop reasoning",
  "Multi-hop reasoning",
  "Classification",
  "Summarization",
  "Rewrite",
  "Text generation",
  "Chat",
];
const TYPE_ALIASES: Record<string, string> = {
  "Classification Task": "Classification",
  Classifications: "Classification",
  "Multiple Hop Reasoning": "Multi-hop reasoning",
  "Multiple-hop Reasoning": "Multi-hop reasoning",
  "Open-ended Q&A": "Open Q&A",
  "Rewrite Task": "Rewrite",
  Rewrites: "Rewrite",
  Rewriting: "Rewrite",
  Summarizations: "Summarization",
};

function canonicalType(label: string): string | undefined {
  const key = normaliseLabel(label);
  const viaAlias = Object.entries(TYPE_ALIASES).find(([alias]) => normaliseLabel(alias) === key)?.[1];
  return viaAlias ?? CANONICAL_TYPES.find((c) => normaliseLabel(c) === key);
}

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function seedCanonicalTypes(admin: Awaited<ReturnType<typeof makeUser>>) {
  for (const label of CANONICAL_TYPES) await addTerm(asCurrent(admin), { kind: "TYPE", label }, ctx());
}

describeEachSource("alpacare/med_seed.json", "importing med_seed.json", (SEED_FILE) => {
  const sourceText = readFileSync(SEED_FILE, "utf8");
  const source = JSON.parse(sourceText) as Record<string, string>[];
  // Records with a possible identifier (record 73's "Miss Smith" in both files; the real file also
  // has untitled fictional names): held as submitted, never approved by import.
  const HELD = heldRecordNumbers(source);

  it("refuses unknown labels, then imports all 167 with canonical labels once they are mapped or added", async () => {
    const { user: admin, token } = await tokenFor("ADMIN");
    await seedCanonicalTypes(admin);

    const refused = await importReq(token, sourceText, "status=approved&unknownLabels=reject");
    expect(refused.status).toBe(422);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const problem = (await refused.json()) as { unknownLabels: TUnknown[] };
    const unknownTypes = problem.unknownLabels.filter((u) => u.kind === "TYPE");
    // Case/hyphen variants ("Multiple Choice Q&A", "USMLE style Q&A"…) matched; the rest are listed,
    // their own variants grouped ("Multiple-hop Reasoning" with "Multiple-Hop Reasoning").
    expect(unknownTypes.map((u) => normaliseLabel(u.label)).sort()).toEqual(
      [...new Set(Object.keys(TYPE_ALIASES).map(normaliseLabel))].sort(),
    );
    expect(
      unknownTypes.find((u) => u.spellings.includes("Multiple-Hop Reasoning"))?.spellings.sort(),
    ).toEqual([
      "Multiple Hop Reasoning",
      "Multiple-Hop Reasoning",
      "Multiple-hop Reasoning",
      "Multiple-hop reasoning",
    ]);
    expect(problem.unknownLabels.filter((u) => u.kind === "TOPIC")).toHaveLength(
      new Set(source.map((r) => normaliseLabel(r.topic ?? ""))).size,
    );
    expect(await db().seed.count()).toBe(0);
    expect(await db().vocabularyTerm.count()).toBe(CANONICAL_TYPES.length);

    const types = await db().vocabularyTerm.findMany({ where: { kind: "TYPE" } });
    for (const [alias, label] of Object.entries(TYPE_ALIASES)) {
      const term = types.find((t) => t.label === label);
      if (!term) throw new Error(label);
      await addAlias(asCurrent(admin), { termId: term.id, alias }, ctx());
    }
    // A clinician may not import; an admin's dry run changes nothing.
    const clinician = await tokenFor("CLINICIAN");
    expect((await importReq(clinician.token, sourceText, "unknownLabels=add")).status).toBe(403);
    const dry = await importReq(token, sourceText, "dryRun=1&status=approved&unknownLabels=add");
    expect(dry.status).toBe(200);
    expect(await db().seed.count()).toBe(0);

    const ok = await importReq(token, sourceText, "status=approved&unknownLabels=add");
    expect(ok.status).toBe(201);
    const result = (await ok.json()) as {
      batchId: string;
      count: number;
      approved: number;
      heldForReview: { record: number; seedId: string }[];
    };
    expect(result.count).toBe(167);
    expect(HELD).toContain(73);
    expect(result.approved).toBe(167 - HELD.length);
    expect(result.heldForReview).toEqual(
      HELD.map((record) => ({ record, seedId: expect.any(String) as string })),
    );

    const seeds = await db().seed.findMany({
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { topic: true, view: true, type: true, versions: true },
    });
    expect(seeds).toHaveLength(167);
    seeds.forEach((s, i) => {
      const src = source[i] ?? {};
      expect(s.instruction).toBe(src.instruction?.trim());
      expect(s.type?.label).toBe(canonicalType(src.type ?? ""));
      // Near-duplicate views became one term: the source's spelling is its label or an alias.
      expect([s.view?.label ?? "", ...(s.view?.aliases ?? [])].map(normaliseLabel)).toContain(
        normaliseLabel(src.view ?? ""),
      );
      expect(s.status).toBe(HELD.includes(i + 1) ? "SUBMITTED" : "APPROVED");
      expect(s.importBatchId).toBe(result.batchId);
      expect(s.importedById).toBe(admin.id);
      expect(s.versions).toHaveLength(1);
      expect(s.input ?? "<noinput>").toBe(src.input?.trim());
    });
    // Only the type vocabulary we seeded plus what the import added: no label was invented.
    const views = await db().vocabularyTerm.findMany({ where: { kind: "VIEW" } });
    const { unknown } = resolveImportLabels(source as unknown as TAlpacaSeed[], createLabelLookup([]));
    expect(views.length).toBe(clusterNewTerms(unknown).filter((t) => t.kind === "VIEW").length);
    expect(await db().auditLog.count({ where: { action: "seed.import", entityId: result.batchId } })).toBe(1);

    // Importing the same file again is refused record by record as exact duplicates.
    const again = await importReq(token, sourceText, "status=approved&unknownLabels=add");
    expect(again.status).toBe(422);
    const againBody = (await again.json()) as {
      recordErrors: { record: number; field: string; message: string }[];
    };
    expect(againBody.recordErrors).toHaveLength(167);
    expect(againBody.recordErrors[0]).toMatchObject({ record: 1, field: "instruction" });
    expect(await db().seed.count()).toBe(167);
  });

  it("exports approved seeds as AlpaCare's seed file, matching the source up to the label mapping", async () => {
    const { user: admin, token } = await tokenFor("ADMIN");
    await seedCanonicalTypes(admin);
    const types = await db().vocabularyTerm.findMany({ where: { kind: "TYPE" } });
    for (const [alias, label] of Object.entries(TYPE_ALIASES)) {
      await addAlias(
        asCurrent(admin),
        { termId: types.find((t) => t.label === label)?.id ?? "", alias },
        ctx(),
      );
    }
    expect((await importReq(token, sourceText, "status=approved&unknownLabels=add")).status).toBe(201);
    // Each term's spellings (label and aliases, normalised), by label.
    const spellings = new Map(
      (await db().vocabularyTerm.findMany()).map((t) => [
        `${t.kind}:${t.label}`,
        [t.label, ...t.aliases].map(normaliseLabel),
      ]),
    );

    const researcher = await tokenFor("RESEARCHER");
    const res = await exportReq(researcher.token, "status=approved&format=jsonl");
    expect(res.status).toBe(200);
    const body = await res.text();
    const lines = body
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    // The held record is not approved, so not exported.
    const approvedSource = source.filter((_, i) => !HELD.includes(i + 1));
    expect(lines).toHaveLength(167 - HELD.length);
    lines.forEach((l, i) => {
      const src = approvedSource[i] ?? {};
      expect(Object.keys(l)).toEqual([
        "topic",
        "view",
        "type",
        "instruction",
        "input",
        "difficulty",
        "id",
        "version",
      ]);
      expect(l.instruction).toBe(src.instruction?.trim());
      expect(l.input).toBe(src.input?.trim());
      expect(l.difficulty).toBe(src.difficulty);
      expect(l.type).toBe(canonicalType(src.type ?? ""));
      expect(spellings.get(`VIEW:${String(l.view)}`)).toContain(normaliseLabel(src.view ?? ""));
      expect(spellings.get(`TOPIC:${String(l.topic)}`)).toContain(normaliseLabel(src.topic ?? ""));
      expect(l.version).toBe(1);
    });
    const { createHash } = await import("node:crypto");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "seed.export", actorId: researcher.user.id },
    });
    expect(audit.after).toMatchObject({
      count: 167 - HELD.length,
      complete: true,
      sha256: createHash("sha256").update(body).digest("hex"),
    });

    const asJson = await exportReq(token, "format=json");
    const arr = (await asJson.json()) as Record<string, unknown>[];
    // The array is med_seed.json's own shape: the same tasks, without our id and version.
    expect(arr.map((r) => r.instruction)).toEqual(lines.map((l) => l.instruction));
    expect(arr.every((r) => !("id" in r) && !("version" in r))).toBe(true);
    expect((await exportReq((await tokenFor("CLINICIAN")).token, "format=json")).status).toBe(403);
    expect((await exportReq(token, "status=draft")).status).toBe(400);
  });

  it("unknownLabels=add makes one term per suggested cluster, its other spellings aliases, in the one request", async () => {
    const { token } = await tokenFor("ADMIN");
    const dry = await importReq(token, sourceText, "dryRun=1&status=submitted&unknownLabels=add");
    const preview = (await dry.json()) as { addedTerms: { kind: string; label: string }[] };
    const ok = await importReq(token, sourceText, "status=submitted&unknownLabels=add");
    expect(ok.status).toBe(201);
    const result = (await ok.json()) as { addedTerms: { kind: string; label: string }[] };
    expect(result.addedTerms).toEqual(preview.addedTerms);
    const types = await db().vocabularyTerm.findMany({ where: { kind: "TYPE" } });
    expect(types).toHaveLength(result.addedTerms.filter((t) => t.kind === "TYPE").length);
    // Before: "Rewrite", "Rewrites", "Rewriting" and "Rewrite Task" were four terms.
    const rewrite = types.filter((t) => /^rewrit/i.test(t.label));
    expect(rewrite).toHaveLength(1);
    expect(rewrite[0]?.aliases).toEqual(expect.arrayContaining(["Rewrites", "Rewriting", "Rewrite Task"]));
    expect(types.length).toBeLessThanOrEqual(12);
    expect(await db().seed.count()).toBe(167);
  });
});

describe("import input checks", () => {
  const good = {
    topic: "Cardiology",
    view: "Patient",
    type: "Chat",
    instruction: "Explain angina to me.",
    input: "<noinput>",
    difficulty: "2",
  };

  it("reports per-record errors, bad bodies and near duplicates, changing nothing", async () => {
    const { user: admin, token } = await tokenFor("ADMIN");
    for (const [kind, label] of [
      ["TOPIC", "Cardiology"],
      ["VIEW", "Patient"],
      ["TYPE", "Chat"],
    ] as const) {
      await addTerm(asCurrent(admin), { kind, label }, ctx());
    }
    const jsonl = [good, { ...good, difficulty: "9", instruction: "Other" }, { ...good, type: "Banter" }]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const bad = await importReq(token, jsonl, "", "application/x-ndjson");
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { recordErrors: unknown[] }).recordErrors).toEqual([
      { record: 2, field: "difficulty", message: "Use 1 to 5" },
    ]);
    const unknown = await importReq(
      token,
      JSON.stringify([good, { ...good, instruction: "x", type: "Banter" }]),
      "",
    );
    expect(((await unknown.json()) as { unknownLabels: TUnknown[] }).unknownLabels).toEqual([
      {
        kind: "TYPE",
        label: "Banter",
        spellings: ["Banter"],
        records: [2],
        cluster: "Banter",
        suggestions: [],
      },
    ]);
    expect((await importReq(token, "[{", "")).status).toBe(400);
    expect((await importReq(token, "x".repeat(5_000_001), "")).status).toBe(413);
    expect((await importReq(token, JSON.stringify([good]), "", "text/csv")).status).toBe(415);
    expect(await db().seed.count()).toBe(0);

    const near = { ...good, instruction: "Please explain angina to me." };
    const phi = {
      ...good,
      instruction: "Summarise the clinic note for the GP.",
      input: "Seen Mr. John Smith (MRN: 483920) today.",
    };
    const ok = await importReq(token, JSON.stringify([good, near, phi]), "");
    expect(ok.status).toBe(201);
    const body = (await ok.json()) as {
      nearDuplicates: { record: number; similarRecord?: number; score: number }[];
      phiWarnings: { record: number; field: string; kind: string }[];
    };
    expect(body.nearDuplicates).toEqual([expect.objectContaining({ record: 2, similarRecord: 1 })]);
    expect(body.phiWarnings).toEqual([
      { record: 3, field: "input", kind: "person_name" },
      { record: 3, field: "input", kind: "record_number" },
    ]);
    expect((await db().seed.findMany()).every((s) => s.status === "SUBMITTED")).toBe(true);
  });
});
