// The failed tests' names and first error lines, read from the tiers' JSON reports, so the end of
// `npm test`'s output (often all a CI log keeps) says which test failed and why.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

type TVitestReport = {
  testResults: {
    name: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
  }[];
};

type TPlaywrightSuite = {
  file?: string;
  specs?: {
    title: string;
    file: string;
    line: number;
    tests: { status: string; results: { error?: { message?: string } }[] }[];
  }[];
  suites?: TPlaywrightSuite[];
};

const ansi = /\u001b\[[0-9;]*m/g;

function firstLine(message: string | undefined): string {
  const line =
    (message ?? "")
      .replace(ansi, "")
      .split("\n")
      .find((l) => l.trim()) ?? "";
  return line.length > 240 ? `${line.slice(0, 240)}…` : line.trim();
}

export function vitestFailures(file: string): string[] {
  if (!existsSync(file)) return [`${file}: no report was written`];
  const report = JSON.parse(readFileSync(file, "utf8")) as TVitestReport;
  const out: string[] = [];
  for (const suite of report.testResults) {
    const name = path.relative(process.cwd(), suite.name);
    const failed = suite.assertionResults.filter((a) => a.status === "failed");
    for (const a of failed) out.push(`${name} › ${a.fullName}: ${firstLine(a.failureMessages[0])}`);
    // A file that fails before its tests run (an import error, a failing hook) has no failed test.
    if (!failed.length && suite.message) out.push(`${name}: ${firstLine(suite.message)}`);
  }
  return out;
}

export function playwrightFailures(file: string): string[] {
  if (!existsSync(file)) return [`${file}: no report was written`];
  const out: string[] = [];
  const walk = (suite: TPlaywrightSuite): void => {
    for (const spec of suite.specs ?? [])
      for (const t of spec.tests.filter((x) => x.status === "unexpected"))
        out.push(
          `e2e/${spec.file}:${spec.line} › ${spec.title}: ${firstLine(t.results.at(-1)?.error?.message)}`,
        );
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of (JSON.parse(readFileSync(file, "utf8")) as { suites: TPlaywrightSuite[] }).suites)
    walk(suite);
  return out;
}
