// lib/queue is the protocol every queue-backed feature shares: a feature's own tables (its queue
// row, its items, its answers) are named in the feature's spec (lockQueueRow, submit, reopen), so a
// new feature needs no edit here. Checked on the source, as a layering rule.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const FEATURE_TABLES = [
  '"AuditCampaign"',
  '"AuditItem"',
  '"AuditReview"',
  '"Study"',
  '"StudyComparison"',
  '"StudyJudgement"',
];

describe("lib/queue", () => {
  it("names no feature's table", () => {
    const dir = join(process.cwd(), "lib/queue");
    const named = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .flatMap((f) => {
        const text = readFileSync(join(dir, f), "utf8");
        return FEATURE_TABLES.filter((t) => text.includes(t)).map((t) => `${f}: ${t}`);
      });
    expect(named).toEqual([]);
  });
});
