// `npm test`: lint, typecheck, then the unit, integration and end-to-end tiers; ends with one line
// "N passed, N failed" that CI reads.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { playwrightFailures, vitestFailures } from "./support/test-failures";

type TTally = { passed: number; failed: number; skipped: number };
const total: TTally = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];
// Read as each tier ends: Playwright clears test-results/ when it starts.
const failedTests: string[] = [];

function step(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): boolean {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitestTally(file: string): TTally {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return { passed: j.numPassedTests, failed: j.numFailedTests, skipped: j.numPendingTests + j.numTodoTests };
}

function playwrightTally(file: string): TTally {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const j = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped };
}

function add(t: TTally): void {
  total.passed += t.passed;
  total.failed += t.failed;
  total.skipped += t.skipped;
}

function prerequisites(): string[] {
  const missing: string[] = [];
  const pgFound =
    Boolean(process.env.DATABASE_URL) ||
    spawnSync("sh", ["-c", "command -v initdb || ls /usr/lib/postgresql/*/bin/initdb"], { stdio: "ignore" })
      .status === 0;
  if (!pgFound)
    missing.push(
      "PostgreSQL server binaries: apt-get install -y postgresql (or set DATABASE_URL to a server the tests may create databases on)",
    );
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium))
    missing.push(`Chromium at ${chromium}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync("lib/generated/prisma/client.ts"))
    missing.push("the generated Prisma client: run npm install");
  return missing;
}

/**
 * The unit tier once more in a copy of the sources far from this clone, with CLINREVIEW_REAL_DATA
 * pointing at an empty folder: proves the tests pass on a clone without the real data beside it.
 */
function unitOnBareCopy(): void {
  const base = mkdtempSync(path.join(tmpdir(), "clinreview-bare-"));
  try {
    const copy = path.join(base, "repo");
    const empty = path.join(base, "no-real-data");
    mkdirSync(empty);
    const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      encoding: "utf8",
    });
    if (listed.status !== 0) {
      console.log("\n▶ unit tests without the real data: skipped (not a git checkout)");
      return;
    }
    for (const file of listed.stdout.split("\0").filter((f) => f && existsSync(f)))
      cpSync(file, path.join(copy, file));
    cpSync("lib/generated", path.join(copy, "lib/generated"), { recursive: true });
    symlinkSync(path.resolve("node_modules"), path.join(copy, "node_modules"), "dir");
    const out = path.resolve("test-results/unit-bare.json");
    const env = { ...process.env, CLINREVIEW_REAL_DATA: empty };
    console.log(`\n▶ unit tests without the real data (a bare copy, CLINREVIEW_REAL_DATA=${empty})`);
    const r = spawnSync(
      process.execPath,
      [
        "node_modules/vitest/vitest.mjs",
        "run",
        "--project",
        "unit",
        "--reporter=dot",
        "--reporter=json",
        `--outputFile.json=${out}`,
      ],
      {
        stdio: "inherit",
        env,
        cwd: copy,
      },
    );
    if (r.status !== 0) failures.push("unit tests without the real data");
    add(vitestTally(out));
    if (r.status !== 0) failedTests.push(...vitestFailures(out).map((f) => `(bare copy) ${f}`));
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

const missing = prerequisites();
if (missing.length) {
  console.error(`Cannot run the tests; missing:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

rmSync("test-results", { recursive: true, force: true });
mkdirSync("test-results", { recursive: true });
const node = process.execPath;

add(
  step("lint", node, ["node_modules/eslint/bin/eslint.js", "."])
    ? { passed: 1, failed: 0, skipped: 0 }
    : { passed: 0, failed: 1, skipped: 0 },
);
// One format for the whole codebase (.prettierrc.json); `npm run format` fixes what this refuses.
add(
  step("formatting (prettier --check)", node, [
    "node_modules/prettier/bin/prettier.cjs",
    "--check",
    "--log-level",
    "warn",
    ".",
  ])
    ? { passed: 1, failed: 0, skipped: 0 }
    : { passed: 0, failed: 1, skipped: 0 },
);
add(
  step("typecheck", node, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."])
    ? { passed: 1, failed: 0, skipped: 0 }
    : { passed: 0, failed: 1, skipped: 0 },
);
for (const tier of ["unit", "integration"] as const) {
  const out = `test-results/${tier}.json`;
  const ok = step(`${tier} tests`, node, [
    "node_modules/vitest/vitest.mjs",
    "run",
    "--project",
    tier,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  add(vitestTally(out));
  if (!ok) failedTests.push(...vitestFailures(out));
}
unitOnBareCopy();
if (!step("end-to-end tests", node, ["--import", "tsx", "scripts/test-e2e.ts"]))
  failedTests.push(...playwrightFailures("test-results/e2e-results.json"));
add(playwrightTally("test-results/e2e-results.json"));

if (failedTests.length) console.log(`\nFailed tests:\n${failedTests.map((f) => `  ✗ ${f}`).join("\n")}`);
if (failures.length) console.log(`\nFailed steps: ${failures.join(", ")}`);
console.log(
  `\n${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`,
);
process.exit(failures.length || total.failed ? 1 : 0);
