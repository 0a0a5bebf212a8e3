// The repo must work on a clone anywhere: no absolute path of one machine in any tracked file, and
// the real data folder is found only through tests/support/real-data.ts (CLINREVIEW_REAL_DATA).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const SKIP_DIRS = new Set([
  "node_modules",
  ".git",
  ".next",
  ".data",
  "test-results",
  "playwright-report",
  "generated",
]);

function walk(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP_DIRS.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(path.relative(root, full));
  }
  return out;
}

/** Tracked files (git), or every file but build output where the clone has no .git. */
function sourceFiles(): string[] {
  let files: string[];
  try {
    files = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
      .split("\0")
      .filter(Boolean);
  } catch {
    files = walk(root, []);
  }
  return files.filter(
    (f) =>
      !f.startsWith("lib/generated/") &&
      f !== "package-lock.json" &&
      /\.(ts|tsx|mts|mjs|js|json|md|sql|prisma|py|sh|yml|yaml|css)$|^\.ci\//.test(f),
  );
}

// Home-like roots of one machine (Linux, macOS, Windows). System paths such as the Chromium
// binary's default location are configuration with an override, not a machine's files.
const SEP = "/";
const MACHINE_PATH = new RegExp(
  `(^|[\\s"'\`(=:])${SEP}(work|home|root|Users|mnt|Volumes|srv)${SEP}[A-Za-z0-9._-]+|\\b[A-Z]:\\\\(Users|work)\\\\`,
  "m",
);
const SHARED_DATA = ["shared", "data"].join("/");

describe("portable sources", () => {
  const files = sourceFiles();

  it("finds the sources it scans", () => {
    expect(files).toContain("package.json");
    expect(files.filter((f) => f.endsWith(".ts")).length).toBeGreaterThan(100);
  });

  it("holds no absolute path of any machine", () => {
    const offenders = files.filter((f) => MACHINE_PATH.test(readFileSync(path.join(root, f), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("reads the real data folder only through tests/support/real-data.ts", () => {
    const code = files.filter((f) => /\.(ts|tsx|mts|mjs|js)$/.test(f) && f !== "tests/support/real-data.ts");
    const offenders = code.filter((f) => readFileSync(path.join(root, f), "utf8").includes(SHARED_DATA));
    expect(offenders).toEqual([]);
  });

  it("would catch a machine path", () => {
    expect(MACHINE_PATH.test(`readFileSync("${SEP}work${SEP}shared${SEP}x.json")`)).toBe(true);
    expect(MACHINE_PATH.test(`const p = "C:\\Users\\me\\data.json"`)).toBe(true);
    expect(MACHINE_PATH.test(`executablePath: "${SEP}usr${SEP}bin${SEP}chromium"`)).toBe(false);
  });
});
