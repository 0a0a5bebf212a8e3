// The database refuses UPDATE, DELETE and TRUNCATE of audit rows (migration …_audit_append_only).
// Its two ways past it must stay where they are documented: the test reset's setting, and
// audit_redact() called only through lib/audit/redact-audit-rows.ts. This keeps a new caller of
// either from arriving unreviewed, and catches a write to the trail before the database does.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { typedAddressJson } from "./typed-address";

const root = path.resolve(__dirname, "..", "..");
const DIRS = ["app", "components", "lib", "scripts", "tests", "e2e", "prisma"];
const SKIP = new Set(["node_modules", "generated"]);

function walk(dir: string, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    if (SKIP.has(name)) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|mts|mjs|js|sql)$/.test(name)) out.push(path.relative(root, full));
  }
  return out;
}

const files = DIRS.flatMap((d) => walk(path.join(root, d)));
const mentioning = (pattern: RegExp) =>
  files.filter((f) => pattern.test(readFileSync(path.join(root, f), "utf8"))).sort();
const SELF = "lib/audit/append-only.test.ts";
const MIGRATION = /^prisma\/migrations\/\d+_(audit_append_only|phi_fingerprint_hmac)\/migration\.sql$/;

describe("the append-only audit trail's exceptions", () => {
  it("the reset setting is set only by the integration tests' reset (and the test that proves what it opens)", () => {
    const found = mentioning(/clinreview\.allow_audit_reset/).filter((f) => f !== SELF && !MIGRATION.test(f));
    expect(found).toEqual(["tests/integration/audit-append-only.test.ts", "tests/support/db.ts"]);
  });

  it("audit_redact() is called only by redact-audit-rows.ts", () => {
    const found = mentioning(/\baudit_redact\s*\(/).filter(
      (f) => f !== SELF && !MIGRATION.test(f) && !f.startsWith("tests/"),
    );
    expect(found).toEqual(["lib/audit/redact-audit-rows.ts"]);
  });

  it("no application code updates or deletes audit rows", () => {
    const found = mentioning(
      /auditLog\.(update|updateMany|upsert|delete|deleteMany)\(|(UPDATE|DELETE FROM|TRUNCATE)\s+"AuditLog"/,
    ).filter(
      (f) => f !== SELF && !f.startsWith("tests/") && !f.startsWith("e2e/") && !f.startsWith("prisma/"),
    );
    expect(found).toEqual([]);
  });
});

describe("typedAddressJson", () => {
  it("keeps the account's id, or only the SHA-256 of an address that is no one's", () => {
    expect(typedAddressJson("dana@example.org", "3f1c2a9e-5b7d-4e21-9a0b-1c2d3e4f5a6b")).toEqual({
      userId: "3f1c2a9e-5b7d-4e21-9a0b-1c2d3e4f5a6b",
    });
    // `printf %s nobody@example.org | sha256sum`, as the migration's encode(sha256(convert_to(…, 'UTF8')), 'hex').
    expect(typedAddressJson("nobody@example.org", null)).toEqual({
      emailSha256: "562b23229c385803090e3a1e8ec8e846ed154fbf0a9027c8065e43f19ea02264",
    });
    expect(JSON.stringify(typedAddressJson("nobody@example.org", null))).not.toContain("nobody");
  });
});
