// The audit trail is append-only in the database (migration …_audit_append_only): UPDATE, DELETE
// and TRUNCATE are refused whatever the client; the one exception, audit_redact(), replaces PHI
// literals and records their fingerprints; users are never deleted, so rows keep their actor.
import { createHash } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Prisma } from "@/lib/generated/prisma/client";
import { redactAuditRows } from "@/lib/audit/redact-audit-rows";
import { literalFingerprint } from "@/lib/phi-guard/fingerprint";
import { createSeed } from "@/lib/seeds/create-seed";
import { saveSeed } from "@/lib/seeds/save-seed";
import { ctx, makeUser } from "../support/factories";
import { getTestPrisma, resetDatabase } from "../support/db";
import { seedSetup } from "../support/seed-setup";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const REFUSED = /The audit trail is append-only/;
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

async function oneRow(after: Prisma.InputJsonObject, actorId: string | null = null) {
  await db().$transaction((tx) =>
    recordAudit(tx, ctx(), { actorId, action: "seed.save", entityType: "seed", entityId: "s1", after }),
  );
  return db().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
}

describe("the append-only trigger", () => {
  it("refuses a plain UPDATE, DELETE and TRUNCATE, by SQL or through the client, and the row stays as written", async () => {
    const row = await oneRow({ input: "as written" });
    const sql = getTestPrisma();
    await expect(sql.$executeRaw`UPDATE "AuditLog" SET "after" = '{}'`).rejects.toThrow(REFUSED);
    await expect(
      sql.$executeRaw`UPDATE "AuditLog" SET "actorId" = NULL WHERE id = ${row.id}`,
    ).rejects.toThrow(REFUSED);
    await expect(sql.$executeRaw`DELETE FROM "AuditLog"`).rejects.toThrow(REFUSED);
    await expect(sql.$executeRaw`TRUNCATE "AuditLog"`).rejects.toThrow(REFUSED);
    // A TRUNCATE that reaches the trail by cascade is refused too.
    await expect(sql.$executeRaw`TRUNCATE "User" CASCADE`).rejects.toThrow(REFUSED);
    await expect(db().auditLog.update({ where: { id: row.id }, data: { after: {} } })).rejects.toThrow(
      REFUSED,
    );
    await expect(db().auditLog.deleteMany({})).rejects.toThrow(REFUSED);
    // Even when nothing matches: the statement itself is refused.
    await expect(sql.$executeRaw`DELETE FROM "AuditLog" WHERE id = -1`).rejects.toThrow(REFUSED);
    expect(await db().auditLog.findMany()).toEqual([row]);
  });

  it("the test reset's setting opens TRUNCATE only, never an UPDATE or DELETE, and only for its own transaction", async () => {
    const row = await oneRow({ input: "as written" });
    const sql = getTestPrisma();
    await expect(
      sql.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('clinreview.allow_audit_reset', 'on', true)`;
        await tx.$executeRaw`UPDATE "AuditLog" SET "after" = '{}'`;
      }),
    ).rejects.toThrow(REFUSED);
    await expect(
      sql.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('clinreview.allow_audit_reset', 'on', true)`;
        await tx.$executeRaw`DELETE FROM "AuditLog"`;
      }),
    ).rejects.toThrow(REFUSED);
    await sql.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT set_config('clinreview.allow_audit_reset', 'on', true)`;
    });
    await expect(sql.$executeRaw`TRUNCATE "AuditLog"`).rejects.toThrow(REFUSED);
    expect(await db().auditLog.findMany()).toEqual([row]);
    await resetDatabase();
    expect(await db().auditLog.count()).toBe(0);
  });

  it("a statement that looks like audit_redact's own, run anywhere else, is refused", async () => {
    const row = await oneRow({ input: "as written" });
    await expect(
      getTestPrisma().$executeRaw`DO $$
        DECLARE new_before jsonb; new_after jsonb := '{}'; row_id bigint := 1;
        BEGIN UPDATE "AuditLog" SET "before" = new_before, "after" = new_after WHERE id = row_id; END $$`,
    ).rejects.toThrow(REFUSED);
    expect(await db().auditLog.findMany()).toEqual([row]);
  });

  it("users are never deleted: a user who acted keeps their audit rows and is refused deletion", async () => {
    const u = await makeUser("CLINICIAN");
    await oneRow({ input: "x" }, u.id);
    // Refused by the foreign key (RESTRICT), not by blanking the actor (SET NULL, an UPDATE).
    await expect(getTestPrisma().$executeRaw`DELETE FROM "User" WHERE id = ${u.id}::uuid`).rejects.toThrow(
      /AuditLog_actorId_fkey/,
    );
    expect((await db().auditLog.findFirstOrThrow()).actorId).toBe(u.id);
  });
});

describe("PHI redaction, the one exception", () => {
  it("replaces the literals in every JSON string of the row, keys kept, and records their keyed fingerprints, never the literal nor a plain hash", async () => {
    const admin = await makeUser("ADMIN");
    const row = await oneRow({
      input: "Mr. John Smith (MRN 12.34) asks",
      list: [1, "John Smith", { "John Smith": "12.34" }],
      ok: true,
    });
    const other = await oneRow({ input: "nothing to see" });
    const c = ctx("10.9.8.7");
    const changed = await db().$transaction((tx) =>
      redactAuditRows(tx, c, {
        actorId: admin.id,
        rowIds: [row.id, other.id],
        literals: ["John Smith", "12.34", ""],
      }),
    );
    expect(changed).toBe(1);
    const redacted = await db().auditLog.findUniqueOrThrow({ where: { id: row.id } });
    expect(redacted.after).toEqual({
      input: "Mr. [REDACTED] (MRN [REDACTED]) asks",
      list: [1, "[REDACTED]", { "John Smith": "[REDACTED]" }],
      ok: true,
    });
    // Nothing else about the row changed, nor the row without the literals.
    expect({ ...redacted, after: row.after }).toEqual(row);
    expect(await db().auditLog.findUniqueOrThrow({ where: { id: other.id } })).toEqual(other);

    const record = await db().auditLog.findMany({ where: { action: "audit_log.redact" } });
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({
      actorId: admin.id,
      entityType: "audit_log",
      entityId: String(row.id),
      after: { hmac: [literalFingerprint("12.34"), literalFingerprint("John Smith")].sort() },
      requestId: c.requestId,
      ip: "10.9.8.7",
    });
    expect(JSON.stringify(record[0]?.after)).not.toContain("John Smith");
    // Keyed: no plain hash that a guess could be checked against.
    expect(JSON.stringify(record[0]?.after)).not.toContain(sha256("John Smith"));
    // A literal is text, never a pattern.
    expect(
      await db().$transaction((tx) =>
        redactAuditRows(tx, c, { actorId: admin.id, rowIds: [other.id], literals: [".*"] }),
      ),
    ).toBe(0);
  });

  it("a seed's fixed PHI finding is redacted from its audit rows through it, one fingerprint row per row redacted", async () => {
    const { author, fields } = await seedSetup("Answer the patient's question.");
    const { id } = await createSeed(
      author,
      fields({ input: "Mr. John Smith asks about his chest pain." }),
      ctx(),
    );
    await saveSeed(
      author,
      id,
      { ...fields({ input: "The patient asks about chest pain." }), baseVersion: 1 },
      ctx(),
    );
    const seedRows = await db().auditLog.findMany({ where: { entityType: "seed", entityId: id } });
    expect(JSON.stringify(seedRows.map((r) => [r.before, r.after]))).not.toContain("John Smith");
    const redaction = await db().auditLog.findFirstOrThrow({
      where: { entityId: id, action: "seed.phi_redact" },
    });
    const prints = await db().auditLog.findMany({
      where: { action: "audit_log.redact" },
      orderBy: { id: "asc" },
    });
    expect(prints.length).toBe((redaction.after as { auditRowsRedacted: number }).auditRowsRedacted);
    expect(prints.length).toBeGreaterThan(0);
    for (const p of prints) {
      expect(p).toMatchObject({ actorId: author.id, after: { hmac: [literalFingerprint("John Smith")] } });
      expect(seedRows.map((r) => String(r.id))).toContain(p.entityId);
    }
  });
});
