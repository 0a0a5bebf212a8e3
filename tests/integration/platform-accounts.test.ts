// Own-account sessions, the audit rows of account changes (each in the same transaction as its
// change), client-supplied session updates, and invitations e-mailed when SMTP is configured.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { authOptions } from "@/lib/auth/auth-options";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { validateSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { parseInput } from "@/lib/errors/parse-input";
import { acceptAccountLink } from "@/lib/users/accept-account-link";
import { inviteUser } from "@/lib/users/invite-user";
import {
  issuePasswordReset,
  pseudonymiseUser,
  setUserDisabled,
  signOutEverywhere,
} from "@/lib/users/manage-user";
import {
  changeOwnPassword,
  createOwnApiToken,
  revokeOwnApiToken,
  revokeOwnSession,
} from "@/lib/users/own-account";
import { ZInviteUser } from "@/lib/users/schemas";
import { getTestPrisma, resetDatabase } from "../support/db";
import { asCurrent, ctx, makeUser, PASSWORD } from "../support/factories";
import { startFakeSmtp, type TFakeSmtp } from "../support/fake-smtp";

const BASE = "http://clinreview.test";
let smtp: TFakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  // Before the first env() read of this file's process, which caches it.
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "ClinReview <clinreview@hospital.test>";
  await installAuditFailureHook();
});
beforeEach(async () => {
  await resetDatabase();
  smtp.messages.length = 0;
});
afterAll(async () => {
  await removeAuditFailureHook();
  await db().$disconnect();
  await smtp.stop();
});

/**
 * A trigger (outside schema public, so resets and the migrations check never see it) that fails
 * every insert of an audit row whose action is listed in test_hooks.failing_audit: a service that
 * writes its change and its audit row in one transaction must then roll the change back too.
 */
async function installAuditFailureHook(): Promise<void> {
  const sql = getTestPrisma();
  await sql.$executeRaw`CREATE SCHEMA IF NOT EXISTS test_hooks`;
  await sql.$executeRaw`CREATE TABLE IF NOT EXISTS test_hooks.failing_audit (action text PRIMARY KEY)`;
  await sql.$executeRaw`CREATE OR REPLACE FUNCTION test_hooks.fail_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM test_hooks.failing_audit f WHERE f.action = NEW.action) THEN
        RAISE EXCEPTION 'audit insert refused by test';
      END IF;
      RETURN NEW;
    END $$`;
  await sql.$executeRaw`DROP TRIGGER IF EXISTS test_fail_audit ON "AuditLog"`;
  await sql.$executeRaw`CREATE TRIGGER test_fail_audit BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION test_hooks.fail_audit()`;
}
async function removeAuditFailureHook(): Promise<void> {
  const sql = getTestPrisma();
  await sql.$executeRaw`DROP TRIGGER IF EXISTS test_fail_audit ON "AuditLog"`;
  await sql.$executeRaw`DROP SCHEMA IF EXISTS test_hooks CASCADE`;
}
async function withAuditFailing(action: string, fn: () => Promise<unknown>): Promise<void> {
  const sql = getTestPrisma();
  await sql.$executeRaw`INSERT INTO test_hooks.failing_audit (action) VALUES (${action})`;
  try {
    await expect(fn()).rejects.toThrow(/audit insert refused by test/);
  } finally {
    await sql.$executeRaw`DELETE FROM test_hooks.failing_audit`;
  }
}

const rows = (action: string) => db().auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });

async function signIn(email: string, ip: string, password = PASSWORD): Promise<string> {
  const r = await signInWithPassword({ email, password }, ctx(ip));
  if (!r.ok) throw new Error(`sign-in failed: ${r.reason}`);
  return r.sessionId;
}

describe("own sessions", () => {
  it("revoking one ends only that session; a foreign id is not found and changes nothing", async () => {
    const user = await makeUser("CLINICIAN");
    const other = await makeUser("CLINICIAN");
    const here = await signIn(user.email, "10.9.0.1");
    const there = await signIn(user.email, "10.9.0.2");
    const foreign = await signIn(other.email, "10.9.0.3");
    const me = asCurrent(user, here);

    await expect(revokeOwnSession(me, foreign, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await validateSession(foreign))?.id).toBe(other.id);
    expect(await db().session.count({ where: { revokedAt: { not: null } } })).toBe(0);
    expect(await rows("session.revoke")).toHaveLength(0);

    await revokeOwnSession(me, there, ctx());
    expect(await validateSession(there)).toBeNull();
    expect((await validateSession(here))?.id).toBe(user.id);
    expect((await validateSession(foreign))?.id).toBe(other.id);
    // Revoked once: a second revoke of the same id is not found, not a second audit row.
    await expect(revokeOwnSession(me, there, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await rows("session.revoke");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, entityType: "session", entityId: there });
  });

  it("a failed audit write keeps the session alive (same transaction)", async () => {
    const user = await makeUser("RESEARCHER");
    const here = await signIn(user.email, "10.9.1.1");
    const there = await signIn(user.email, "10.9.1.2");
    await withAuditFailing("session.revoke", () => revokeOwnSession(asCurrent(user, here), there, ctx()));
    expect((await validateSession(there))?.id).toBe(user.id);
    expect(await rows("session.revoke")).toHaveLength(0);
  });

  it("signing oneself out everywhere ends every own session, this one included, and no one else's", async () => {
    const user = await makeUser("CLINICIAN");
    const other = await makeUser("ADMIN");
    const sessions = [await signIn(user.email, "10.9.2.1"), await signIn(user.email, "10.9.2.2")];
    const foreign = await signIn(other.email, "10.9.2.3");
    expect(await signOutEverywhere(asCurrent(user, sessions[0]), user.id, ctx())).toBe(2);
    for (const s of sessions) expect(await validateSession(s)).toBeNull();
    expect((await validateSession(foreign))?.id).toBe(other.id);
    const audit = await rows("user.sign_out_everywhere");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: user.id,
      entityType: "user",
      entityId: user.id,
      after: { sessionsRevoked: 2 },
    });
  });
});

describe("client-supplied session updates", () => {
  it("the jwt callback keeps only the session id, whatever update() sends", async () => {
    const jwt = authOptions().callbacks?.jwt;
    expect(jwt).toBeTypeOf("function");
    const out = await jwt?.({
      token: { sid: "11111111-1111-4111-8111-111111111111" },
      trigger: "update",
      session: { role: "ADMIN", id: "someone-else", sid: "22222222-2222-4222-8222-222222222222" },
    } as never);
    expect(out).toEqual({ sid: "11111111-1111-4111-8111-111111111111" });
  });
});

describe("audit rows of account changes", () => {
  it("token.revoke: one row by the owner; a foreign or rolled-back revoke leaves the token working", async () => {
    const owner = await makeUser("CLINICIAN");
    const intruder = await makeUser("ADMIN");
    const t = await createOwnApiToken(asCurrent(owner), { name: "pipeline", expiresInDays: 0 }, ctx());

    await expect(revokeOwnApiToken(asCurrent(intruder), t.id, ctx())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await withAuditFailing("token.revoke", () => revokeOwnApiToken(asCurrent(owner), t.id, ctx()));
    expect((await authenticateApiToken(t.token))?.id).toBe(owner.id);
    expect(await rows("token.revoke")).toHaveLength(0);

    const c = ctx("10.9.3.1");
    await revokeOwnApiToken(asCurrent(owner), t.id, c);
    expect(await authenticateApiToken(t.token)).toBeNull();
    const audit = await rows("token.revoke");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: owner.id,
      entityType: "api_token",
      entityId: t.id,
      requestId: c.requestId,
      ip: "10.9.3.1",
    });
  });

  it("user.enable: one row by the admin with before/after; rolled back or refused, the user stays disabled", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("CLINICIAN", { status: "DISABLED" });
    await withAuditFailing("user.enable", () => setUserDisabled(asCurrent(admin), user.id, false, ctx()));
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("DISABLED");

    const gone = await makeUser("RESEARCHER");
    await pseudonymiseUser(asCurrent(admin), gone.id, ctx());
    await expect(setUserDisabled(asCurrent(admin), gone.id, false, ctx())).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await rows("user.enable")).toHaveLength(0);

    await setUserDisabled(asCurrent(admin), user.id, false, ctx());
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("ACTIVE");
    const audit = await rows("user.enable");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: admin.id,
      entityType: "user",
      entityId: user.id,
      before: { status: "DISABLED" },
      after: { status: "ACTIVE", sessionsRevoked: 0 },
    });
  });

  it("user.invite_accepted: one row by the new user; a failed accept creates no user and leaves the link usable", async () => {
    const admin = await makeUser("ADMIN");
    const inv = await inviteUser(
      asCurrent(admin),
      parseInput(ZInviteUser, { email: "invitee@int.test", role: "RESEARCHER" }),
      ctx(),
      BASE,
    );
    const token = inv.url.split("/").pop() ?? "";

    await expect(acceptAccountLink({ token, password: "a-good-long-password" }, ctx())).rejects.toMatchObject(
      { code: "VALIDATION" },
    );
    await withAuditFailing("user.invite_accepted", () =>
      acceptAccountLink({ token, name: "Ina", password: "a-good-long-password" }, ctx()),
    );
    expect(await db().user.count({ where: { email: "invitee@int.test" } })).toBe(0);
    expect(
      (await db().accountLink.findFirstOrThrow({ where: { email: "invitee@int.test" } })).usedAt,
    ).toBeNull();
    expect(await rows("user.invite_accepted")).toHaveLength(0);

    await acceptAccountLink({ token, name: "Ina Invitee", password: "a-good-long-password" }, ctx());
    const u = await db().user.findUniqueOrThrow({ where: { email: "invitee@int.test" } });
    expect(u.role).toBe("RESEARCHER");
    const audit = await rows("user.invite_accepted");
    expect(audit).toHaveLength(1);
    const link = await db().accountLink.findFirstOrThrow({ where: { email: "invitee@int.test" } });
    // Ids only: the name and e-mail are looked up when the trail is read.
    expect(audit[0]).toMatchObject({
      actorId: u.id,
      entityType: "user",
      entityId: u.id,
      after: { userId: u.id, role: "RESEARCHER", invitationId: link.id },
    });
  });

  it("user.password_change: one row by the user; a wrong current password or a rolled-back change keeps the old password", async () => {
    const user = await makeUser("CLINICIAN");
    const here = await signIn(user.email, "10.9.4.1");
    const there = await signIn(user.email, "10.9.4.2");
    const me = asCurrent(user, here);
    const hashBefore = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;

    await expect(
      changeOwnPassword(me, { current: "not-my-password", password: "a-new-long-password" }, ctx()),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    await withAuditFailing("user.password_change", () =>
      changeOwnPassword(me, { current: PASSWORD, password: "a-new-long-password" }, ctx()),
    );
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    expect((await validateSession(there))?.id).toBe(user.id);
    expect(await rows("user.password_change")).toHaveLength(0);

    expect(
      await changeOwnPassword(me, { current: PASSWORD, password: "a-new-long-password" }, ctx()),
    ).toEqual({ otherSessionsRevoked: 1 });
    expect(await validateSession(there)).toBeNull();
    expect((await validateSession(here))?.id).toBe(user.id);
    const audit = await rows("user.password_change");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: user.id,
      entityType: "user",
      entityId: user.id,
      after: { sessionsRevoked: 1 },
    });
  });

  it("the current-password check is throttled like sign-in: after 5 wrong guesses even the right one waits", async () => {
    const user = await makeUser("CLINICIAN");
    const me = asCurrent(user, await signIn(user.email, "10.9.5.1"));
    const hashBefore = (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    for (let i = 0; i < 5; i++) {
      await expect(
        changeOwnPassword(me, { current: `guess-${i}`, password: "a-new-long-password" }, ctx("10.9.5.1")),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    await expect(
      changeOwnPassword(me, { current: PASSWORD, password: "a-new-long-password" }, ctx("10.9.5.1")),
    ).rejects.toMatchObject({ code: "RATE_LIMITED" });
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
  });

  it("the current-password check counts per address like sign-in: a stranger's guesses elsewhere do not block the user", async () => {
    const user = await makeUser("CLINICIAN");
    const me = asCurrent(user, await signIn(user.email, "10.9.6.1"));
    for (let i = 0; i < 6; i++)
      await signInWithPassword({ email: user.email, password: `stranger-${i}` }, ctx("203.0.113.9"));
    const r = await changeOwnPassword(
      me,
      { current: PASSWORD, password: "a-new-long-password" },
      ctx("10.9.6.1"),
    );
    expect(r.otherSessionsRevoked).toBe(0);
    expect(await db().auditLog.count({ where: { action: "user.password_change", entityId: user.id } })).toBe(
      1,
    );
    // The stranger's own pair stays refused.
    expect(
      await signInWithPassword({ email: user.email, password: "a-new-long-password" }, ctx("203.0.113.9")),
    ).toEqual({ ok: false, reason: "throttled" });
  });

  it("user.reset_issued: one row by the admin; refused or rolled back, no reset link exists", async () => {
    const admin = await makeUser("ADMIN");
    const user = await makeUser("CLINICIAN");
    const disabled = await makeUser("CLINICIAN", { status: "DISABLED" });

    await expect(issuePasswordReset(asCurrent(admin), disabled.id, ctx(), BASE)).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await withAuditFailing("user.reset_issued", () =>
      issuePasswordReset(asCurrent(admin), user.id, ctx(), BASE),
    );
    expect(await db().accountLink.count()).toBe(0);
    expect(await rows("user.reset_issued")).toHaveLength(0);

    const r = await issuePasswordReset(asCurrent(admin), user.id, ctx(), BASE);
    expect(r.url).toMatch(/^http:\/\/clinreview\.test\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect(await db().accountLink.count({ where: { kind: "RESET", userId: user.id, usedAt: null } })).toBe(1);
    const audit = await rows("user.reset_issued");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, entityType: "user", entityId: user.id });
  });
});

describe("invitations with SMTP configured", () => {
  it("mail the invitee the single-use link once, and still show it to the admin", async () => {
    const admin = await makeUser("ADMIN");
    const inv = await inviteUser(
      asCurrent(admin),
      parseInput(ZInviteUser, { email: "Mailed.Invitee@int.test", role: "CLINICIAN" }),
      ctx(),
      BASE,
    );
    expect(inv.mailed).toBe(true);
    expect(inv.url).toMatch(/^http:\/\/clinreview\.test\/invite\/[A-Za-z0-9_-]{40,}$/);

    const mail = await smtp.waitFor("mailed.invitee@int.test");
    expect(mail.text).toContain(inv.url);
    expect(mail.from).toBe("clinreview@hospital.test");
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.map((m) => m.to)).toEqual([["mailed.invitee@int.test"]]);

    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? "";
    await acceptAccountLink({ token, name: "Mailed Invitee", password: "a-good-long-password" }, ctx());
    expect((await db().user.findUniqueOrThrow({ where: { email: "mailed.invitee@int.test" } })).role).toBe(
      "CLINICIAN",
    );
    await expect(
      acceptAccountLink({ token, name: "Again", password: "a-good-long-password" }, ctx()),
    ).rejects.toMatchObject({ code: "GONE" });
    expect(await db().user.count({ where: { email: "mailed.invitee@int.test" } })).toBe(1);
  });
});
