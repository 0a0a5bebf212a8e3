import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { exportSeedsRoute } from "@/lib/seeds/export-route";
import { getSeed } from "@/lib/seeds/get-seed";
import { importSeedsRoute } from "@/lib/seeds/import-route";
import { markPhiFalsePositive } from "@/lib/seeds/mark-phi-false-positive";
import { reviewSeed } from "@/lib/seeds/review-seed";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { describeEachSource } from "../support/each-data-source";
import { heldRecordNumbers } from "../support/seed-phi";

const repoRoot = path.resolve(__dirname, "../..");
const CHECKER = path.resolve(repoRoot, "tests/support/alpacare-seed-check.py");

type TSummary = {
  count: number;
  first: string | null;
  allStrings: boolean;
  difficulties: string[];
  noinput: number;
  instructions: string[];
  inputs: string[];
};

/** Runs the Python loader on a file; the path's extension decides how it is read, as in AlpaCare. */
function loadWithPython(file: string): TSummary {
  const run = spawnSync("python3", [CHECKER, file], { encoding: "utf8", maxBuffer: 20_000_000 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(
      "python3 is not installed. Install it (Debian/Ubuntu: apt-get install python3) to check exports against AlpaCare's seed loader.",
    );
  }
  if (run.status !== 0)
    throw new Error(`the AlpaCare-style loader failed on ${path.basename(file)}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as TSummary;
}

let dir = "";
beforeEach(async () => {
  await resetDatabase();
  dir = mkdtempSync(path.join(tmpdir(), "clinreview-alpacare-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
  await db().$disconnect();
});

// The real file is read in place from CLINREVIEW_REAL_DATA (CC BY-NC 4.0): never copied into the project.
describeEachSource("alpacare/med_seed.json", "the export as AlpaCare's seed file", (SEED_FILE) => {
  it("loads in Python exactly as the generation scripts load med_seed.json, as .json and as .jsonl", async () => {
    const adminRow = await makeUser("ADMIN");
    const { token } = await insertApiToken(db(), adminRow.id, "pipeline", null);
    const imported = await importSeedsRoute.handle(
      new Request("http://app.test/api/v1/seeds/import?status=approved&unknownLabels=add", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: readFileSync(SEED_FILE, "utf8"),
      }),
    );
    expect(imported.status).toBe(201);
    const { heldForReview } = (await imported.json()) as {
      heldForReview: { record: number; seedId: string }[];
    };
    const records = JSON.parse(readFileSync(SEED_FILE, "utf8")) as Record<string, string>[];
    expect(heldForReview.map((h) => h.record)).toEqual(heldRecordNumbers(records));

    // The records held for a fictional patient's name ("Miss Smith"…): a reviewer rules each
    // finding a false positive and approves them, so all 167 are exported.
    const reviewer = asCurrent(await makeUser("CLINICIAN"));
    for (const { seedId } of heldForReview) {
      for (const f of (await getSeed(reviewer, seedId)).phiFindings) {
        await markPhiFalsePositive(reviewer, seedId, { field: f.field, fingerprint: f.fingerprint }, ctx());
      }
      await reviewSeed(reviewer, seedId, { baseVersion: 1, decision: "APPROVE", comment: "" }, ctx());
    }

    const source = loadWithPython(SEED_FILE);
    const summaries: TSummary[] = [];
    for (const format of ["json", "jsonl"] as const) {
      const res = await exportSeedsRoute.handle(
        new Request(`http://app.test/api/v1/seeds/export?status=approved&format=${format}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
      );
      expect(res.status).toBe(200);
      const file = path.join(dir, `clinreview-seeds.${format}`);
      writeFileSync(file, await res.text());
      summaries.push(loadWithPython(file));
    }
    const [asJson, asJsonl] = summaries;
    expect(asJsonl).toEqual(asJson);
    expect(asJson).toMatchObject({
      count: 167,
      allStrings: true,
      difficulties: ["1", "2", "3", "4", "5"],
      noinput: source.noinput,
    });
    expect(asJson?.first).toBe(
      [
        "1. Type: Open Q&A",
        "1. Topic: Neurology",
        "1. View: Student",
        "1. Difficulty: 1",
        "1. Instruction: Explain what multiple sclerosis is and its pathophysiology.",
        "1. Input:\n<noinput>",
      ].join("\n"),
    );
    // Same tasks in the same order: what the generator sees of each instruction and input is unchanged.
    expect(asJson?.instructions).toEqual(source.instructions);
    expect(asJson?.inputs).toEqual(source.inputs.map((s) => s.trim()));
  });
});
