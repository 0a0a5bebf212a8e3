// The migration that keys PHI fingerprints (…_phi_fingerprint_hmac): the legacy unkeyed values,
// which anyone could check a guess against, are gone from confirmations and from the append-only
// audit trail (through audit_redact, which records each row it changed); other rows are untouched.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { databaseBeforeMigration, type TCleanups } from "../support/database-before-migration";

const MIGRATION = "phi_fingerprint_hmac";
const cleanups: TCleanups = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const USER = "00000000-0000-4000-8000-000000000001";
const CONFIRMATION = "00000000-0000-4000-8000-000000000002";
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("migration …_phi_fingerprint_hmac", () => {
  it("replaces legacy fingerprints with a mark that matches nothing, and scrubs them from the audit trail", async () => {
    const { client, target, applyTarget } = await databaseBeforeMigration(MIGRATION, cleanups);
    await client.query(
      `INSERT INTO "User" (id, email, name, role, pseudonym, "updatedAt") VALUES ($1, 'a@int.test', 'A', 'ADMIN', 'R-a', now())`,
      [USER],
    );
    await client.query(
      `INSERT INTO "PhiConfirmation" (id, "entityType", "entityId", field, kind, fingerprint, "confirmedById") VALUES ($1, 'audit_review', 'x', 'rationale', 'person_name', 'person_name:0123456789abcdef', $2)`,
      [CONFIRMATION, USER],
    );
    const audit = async (action: string, after: unknown) =>
      (
        await client.query<{ id: string }>(
          `INSERT INTO "AuditLog" ("actorId", action, "entityType", "entityId", after) VALUES ($1, $2, 'x', 'x', $3) RETURNING id::text`,
          [USER, action, JSON.stringify(after)],
        )
      ).rows[0]?.id;
    const redactRow = await audit("audit_log.redact", { sha256: [sha256("John Smith")] });
    const phiRow = await audit("phi.redact", {
      field: "rationale",
      findings: [{ kind: "person_name", fingerprint: "person_name:0123456789abcdef" }],
    });
    const plainRow = await audit("review.submit", {
      verdict: "accept",
      note: "phone:0123456789abcdef is not quoted alone",
    });

    expect(await applyTarget()).toContain(target);
    const conf = await client.query(`SELECT fingerprint FROM "PhiConfirmation"`);
    expect(conf.rows).toEqual([{ fingerprint: `person_name:legacy-${CONFIRMATION}` }]);
    const rows = await client.query<{ id: string; after: unknown }>(
      `SELECT id::text, after FROM "AuditLog" WHERE id::text = ANY($1) ORDER BY id`,
      [[redactRow, phiRow, plainRow]],
    );
    expect(rows.rows.map((r) => r.after)).toEqual([
      { sha256: ["[REDACTED]"] },
      { field: "rationale", findings: [{ kind: "person_name", fingerprint: "[REDACTED]" }] },
      { verdict: "accept", note: "phone:0123456789abcdef is not quoted alone" },
    ]);
    // Each scrubbed row is recorded by the function's own row, naming the migration.
    const records = await client.query(
      `SELECT "entityId", after, "requestId" FROM "AuditLog" WHERE action = 'audit_log.redact' AND "requestId" IS NOT NULL ORDER BY "entityId"`,
    );
    expect(records.rows).toEqual(
      [redactRow, phiRow]
        .map((id) => ({ entityId: id, after: { hmac: [] }, requestId: "migration:phi_fingerprint_hmac" }))
        .sort((a, b) => String(a.entityId).localeCompare(String(b.entityId))),
    );
    // And the trail is still append-only.
    await expect(
      client.query(`UPDATE "AuditLog" SET after = '{}' WHERE id = $1`, [plainRow]),
    ).rejects.toThrow(/append-only/);
  });
});
