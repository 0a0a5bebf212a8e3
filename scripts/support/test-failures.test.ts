import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "./test-failures";

const dir = mkdtempSync(path.join(tmpdir(), "test-failures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, body: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
}

describe("vitestFailures", () => {
  it("names each failed test with its first error line, and files that failed before any test", () => {
    const file = write("vitest.json", {
      testResults: [
        {
          name: path.join(process.cwd(), "tests/integration/a.test.ts"),
          assertionResults: [
            { status: "passed", fullName: "a passes", failureMessages: [] },
            {
              status: "failed",
              fullName: "a counts purges",
              failureMessages: ["\n\u001b[31mAssertionError: expected 8 to be 6\u001b[39m\n    at x.ts:1"],
            },
          ],
        },
        {
          name: path.join(process.cwd(), "tests/integration/b.test.ts"),
          message: "Hook timed out",
          assertionResults: [],
        },
        { name: path.join(process.cwd(), "c.test.ts"), assertionResults: [] },
      ],
    });
    expect(vitestFailures(file)).toEqual([
      "tests/integration/a.test.ts › a counts purges: AssertionError: expected 8 to be 6",
      "tests/integration/b.test.ts: Hook timed out",
    ]);
  });

  it("says so when a tier wrote no report", () => {
    expect(vitestFailures(path.join(dir, "missing.json"))[0]).toMatch(/no report was written/);
  });
});

describe("playwrightFailures", () => {
  it("walks nested suites and lists only unexpected results, with the last attempt's error", () => {
    const file = write("pw.json", {
      suites: [
        {
          file: "a.spec.ts",
          specs: [
            { title: "ok", file: "a.spec.ts", line: 3, tests: [{ status: "expected", results: [{}] }] },
          ],
          suites: [
            {
              specs: [
                {
                  title: "rates blind",
                  file: "a.spec.ts",
                  line: 40,
                  tests: [
                    {
                      status: "unexpected",
                      results: [
                        { error: { message: "first" } },
                        { error: { message: "Timeout 60000ms exceeded." } },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(playwrightFailures(file)).toEqual(["e2e/a.spec.ts:40 › rates blind: Timeout 60000ms exceeded."]);
  });
});
