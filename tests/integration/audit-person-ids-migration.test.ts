// The migration that makes audit rows hold ids: on a trail written before it (by today's services
// and by earlier pseudonymisations), it rewrites the e-mails and names of the person-holding fields
// listed per action into user ids, touches nothing else, and reports the rows earlier
// pseudonymisations had damaged. Then the append-only trigger takes over.
import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { databaseBeforeMigration, type TCleanups } from "../support/database-before-migration";

const MIGRATION = "audit_person_ids";
const cleanups: TCleanups = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const ANN = "00000000-0000-4000-8000-00000000000a"; // admin
const ACC = "00000000-0000-4000-8000-00000000000b"; // a user whose name is "accept"
const DANA = "00000000-0000-4000-8000-00000000000d"; // pseudonymised before this migration
const LINK = "00000000-0000-4000-8000-0000000000f1";
const DANA_NAME = "Former user R-0000aaaa";
const DANA_EMAIL = "r-0000aaaa@pseudonymised.invalid";
const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** The trail as the services before this change wrote it, numbered from 1 in this order. */
const TRAIL: [action: string, entityType: string, entityId: string | null, after: object][] = [
  /* 1 */ ["user.setup_admin", "user", ANN, { email: "ann@int.test", name: "Ann Admin", role: "ADMIN" }],
  /* 2 */ [
    "user.create_demo",
    "user",
    ACC,
    { email: "accept@int.test", name: "accept", role: "CLINICIAN", isDemo: true },
  ],
  /* 3 */ [
    "user.invite",
    "invitation",
    "ivy@int.test",
    { email: "ivy@int.test", role: "RESEARCHER", expiresAt: "2026-01-08T00:00:00.000Z" },
  ],
  // Rewritten by an earlier pseudonymisation, whose deletion of the link leaves only the account.
  /* 4 */ [
    "user.invite",
    "invitation",
    DANA_EMAIL,
    { email: DANA_EMAIL, role: "CLINICIAN", expiresAt: "2026-01-08T00:00:00.000Z" },
  ],
  /* 5 */ [
    "user.invite",
    "invitation",
    "gone@int.test",
    { email: "gone@int.test", role: "CLINICIAN", expiresAt: "2026-01-08T00:00:00.000Z" },
  ],
  /* 6 */ ["auth.login_failed", "user", ACC, { email: "accept@int.test" }],
  /* 7 */ ["auth.login_throttled", "user", null, { email: "nobody@int.test" }],
  /* 8 */ ["auth.login_failed", "user", DANA, { email: DANA_EMAIL }],
  /* 9 */ ["user.invite_accepted", "user", DANA, { email: DANA_EMAIL, name: DANA_NAME, role: "CLINICIAN" }],
  // Values equal to a user's name are not that user's data.
  /* 10 */ ["audit.review", "audit_item", "item-1", { verdict: "accept" }],
  // An earlier whole-value rewrite overwrote a verdict: reported, cannot be restored.
  /* 11 */ ["audit.review", "audit_item", "item-2", { verdict: DANA_NAME }],
  /* 12 */ ["user.role_change", "user", ACC, { role: "ADMIN" }],
  /* 13 */ [
    "user.pseudonymise",
    "user",
    DANA,
    { email: DANA_EMAIL, name: DANA_NAME, role: "CLINICIAN", status: "DISABLED" },
  ],
  // An action whose "name" is no person's: not listed, not touched.
  /* 14 */ ["study.create", "Study", "study-1", { name: "accept", design: "all_pairs" }],
];

describe("migration …_audit_person_ids", () => {
  it("rewrites the listed person fields into ids, leaves every other value alone and reports the damaged rows", async () => {
    const { client, target, applyTarget, applyRest } = await databaseBeforeMigration(MIGRATION, cleanups);
    for (const [id, email, name] of [
      [ANN, "ann@int.test", "Ann Admin"],
      [ACC, "accept@int.test", "accept"],
      [DANA, DANA_EMAIL, DANA_NAME],
    ]) {
      await client.query(
        `INSERT INTO "User" (id, email, name, role, pseudonym, "updatedAt") VALUES ($1::uuid, $2, $3, 'CLINICIAN', $1::text, now())`,
        [id, email, name],
      );
    }
    await client.query(
      `INSERT INTO "AccountLink" (id, kind, email, role, "tokenHash", "createdAt", "expiresAt") VALUES ($1, 'INVITE', 'ivy@int.test', 'RESEARCHER', 'h', '2026-01-01T00:00:00Z', '2026-01-08T00:00:00Z')`,
      [LINK],
    );
    for (const [action, entityType, entityId, after] of TRAIL) {
      await client.query(
        `INSERT INTO "AuditLog" (at, "actorId", action, "entityType", "entityId", after) VALUES ('2026-01-01T00:00:00Z', $1, $2, $3, $4, $5)`,
        [ANN, action, entityType, entityId, JSON.stringify(after)],
      );
    }

    expect(await applyTarget()).toContain(target);
    const rows = (
      await client.query<{ id: string; entityId: string | null; after: object; actorId: string | null }>(
        `SELECT id, "entityId", after, "actorId" FROM "AuditLog" ORDER BY id`,
      )
    ).rows;
    const row = (n: number) => rows[n - 1];
    expect(row(1)).toMatchObject({ entityId: ANN, after: { userId: ANN, role: "ADMIN" } });
    expect(row(2)).toMatchObject({ entityId: ACC, after: { userId: ACC, role: "CLINICIAN", isDemo: true } });
    expect(row(3)).toMatchObject({
      entityId: LINK,
      after: { role: "RESEARCHER", expiresAt: "2026-01-08T00:00:00.000Z" },
    });
    expect(row(4)).toMatchObject({ entityId: null, after: { userId: DANA, role: "CLINICIAN" } });
    expect(row(5)).toMatchObject({
      entityId: null,
      after: { emailSha256: sha256("gone@int.test"), role: "CLINICIAN" },
    });
    expect(row(6)?.after).toEqual({ userId: ACC });
    // The fingerprint the app now writes for an address that is no one's (lib/audit/typed-address.ts).
    expect(row(7)?.after).toEqual({ emailSha256: sha256("nobody@int.test") });
    expect(row(8)?.after).toEqual({ userId: DANA });
    expect(row(9)?.after).toEqual({ userId: DANA, role: "CLINICIAN" });
    expect(row(10)?.after).toEqual({ verdict: "accept" });
    expect(row(11)?.after).toEqual({ verdict: DANA_NAME });
    expect(row(12)?.after).toEqual({ role: "ADMIN" });
    expect(row(13)?.after).toEqual({ userId: DANA, role: "CLINICIAN", status: "DISABLED" });
    expect(row(14)?.after).toEqual({ name: "accept", design: "all_pairs" });
    for (const r of rows.slice(0, TRAIL.length)) expect(r.actorId).toBe(ANN);
    // No address or name of anyone's is left in the person fields of the trail.
    const persons = JSON.stringify(rows.slice(0, 9).concat(rows[12] ?? []));
    for (const text of [
      "ann@int.test",
      "Ann Admin",
      "accept@int.test",
      "ivy@int.test",
      "gone@int.test",
      "nobody@int.test",
      DANA_EMAIL,
      DANA_NAME,
    ]) {
      expect(persons).not.toContain(text);
    }

    const report = await client.query<{ action: string; actorId: string | null; after: object }>(
      `SELECT action, "actorId", after FROM "AuditLog" WHERE id > $1`,
      [TRAIL.length],
    );
    expect(report.rows).toEqual([
      {
        action: "audit_log.person_fields_migrated",
        actorId: null,
        after: {
          rewritten: 10,
          pseudonymisedBefore: 3,
          pseudonymisedBeforeIds: [4, 8, 9],
          damaged: 1,
          damagedIds: [11],
          unresolved: 1,
          unresolvedIds: [5],
        },
      },
    ]);
    // And from here on (migration …_audit_append_only) the trail is append-only.
    await applyRest();
    await expect(client.query(`UPDATE "AuditLog" SET after = '{}' WHERE id = 11`)).rejects.toThrow(
      /append-only/,
    );
  });
});
