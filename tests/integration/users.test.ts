import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Counts argon2 hashes: a finished setup must not hash an anonymous caller's password.
const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    hashPassword: (password: string) => {
      hashes.count++;
      return real.hashPassword(password);
    },
  };
});
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/errors/parse-input";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { validateSession } from "@/lib/auth/sessions";
import { acceptAccountLink } from "@/lib/users/accept-account-link";
import { createFirstAdmin, needsSetup } from "@/lib/users/create-first-admin";
import { inviteUser } from "@/lib/users/invite-user";
import { issuePasswordReset, pseudonymiseUser } from "@/lib/users/manage-user";
import { ZCreateFirstAdmin, ZInviteUser } from "@/lib/users/schemas";
import { createOwnApiToken } from "@/lib/users/own-account";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditCsvStream } from "@/lib/audit/audit-csv";
import { auditCsvRoute } from "@/lib/audit/audit-csv-route";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { asCurrent, ctx, makeUser, PASSWORD } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const tokenOf = (url: string) => url.split("/").pop() ?? "";

describe("first admin setup", () => {
  it("is offered only while there is no admin, and concurrent attempts create exactly one", async () => {
    expect(await needsSetup()).toBe(true);
    const attempts = await Promise.allSettled(
      [1, 2, 3, 4].map((i) =>
        createFirstAdmin(
          { name: `Admin ${i}`, email: `admin${i}@int.test`, password: "long-enough-password" },
          ctx(),
        ),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await needsSetup()).toBe(false);
    expect(await db().auditLog.count({ where: { action: "user.setup_admin" } })).toBe(1);
  });

  it("once done, refuses another setup before hashing its password", async () => {
    await createFirstAdmin(
      { name: "Admin", email: "admin@int.test", password: "long-enough-password" },
      ctx(),
    );
    const before = hashes.count;
    await expect(
      createFirstAdmin({ name: "Late", email: "late@int.test", password: "x".repeat(10_000) }, ctx()),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(hashes.count).toBe(before);
  });

  it("rejects bad input field by field and writes nothing", async () => {
    let caught: unknown;
    try {
      parseInput(ZCreateFirstAdmin, { name: "", email: "x", password: "short", confirm: "other" });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: "VALIDATION" });
    const fields = Object.keys((caught as { fieldErrors: Record<string, string[]> }).fieldErrors);
    expect(fields).toEqual(expect.arrayContaining(["name", "email", "password"]));
    expect(await db().user.count()).toBe(0);
  });
});

describe("invitations and resets", () => {
  it("invite → accept creates the account once; the link is single-use and expires", async () => {
    const admin = await makeUser("ADMIN");
    const inv = await inviteUser(
      asCurrent(admin),
      parseInput(ZInviteUser, { email: "New.Person@int.test", role: "CLINICIAN" }),
      ctx(),
      "http://app.test",
    );
    expect(inv.url).toMatch(/^http:\/\/app\.test\/invite\//);
    expect(inv.mailed).toBe(false);
    const stored = await db().accountLink.findFirstOrThrow({ where: { email: "new.person@int.test" } });
    expect(stored.tokenHash).not.toBe(tokenOf(inv.url));

    await acceptAccountLink(
      { token: tokenOf(inv.url), name: "New Person", password: "a-good-long-password" },
      ctx(),
    );
    const u = await db().user.findUniqueOrThrow({ where: { email: "new.person@int.test" } });
    expect(u.role).toBe("CLINICIAN");
    expect((await signInWithPassword({ email: u.email, password: "a-good-long-password" }, ctx())).ok).toBe(
      true,
    );
    await expect(
      acceptAccountLink({ token: tokenOf(inv.url), name: "Again", password: "a-good-long-password" }, ctx()),
    ).rejects.toMatchObject({ code: "GONE" });

    const inv2 = await inviteUser(
      asCurrent(admin),
      { email: "late@int.test", role: "RESEARCHER" },
      ctx(),
      "http://app.test",
    );
    await db().accountLink.updateMany({
      where: { email: "late@int.test" },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(
      acceptAccountLink({ token: tokenOf(inv2.url), name: "Late", password: "a-good-long-password" }, ctx()),
    ).rejects.toMatchObject({ code: "GONE" });
    expect(await db().user.count({ where: { email: "late@int.test" } })).toBe(0);

    await expect(
      inviteUser(asCurrent(admin), { email: u.email, role: "ADMIN" }, ctx(), "http://app.test"),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a reset link sets a new password and signs the user out everywhere", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("CLINICIAN");
    const s = await signInWithPassword({ email: u.email, password: PASSWORD }, ctx());
    if (!s.ok) throw new Error("sign-in failed");
    const reset = await issuePasswordReset(asCurrent(admin), u.id, ctx(), "http://app.test");
    await acceptAccountLink({ token: tokenOf(reset.url), password: "brand-new-password-1" }, ctx());
    expect(await validateSession(s.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: u.email, password: PASSWORD }, ctx())).ok).toBe(false);
    expect((await signInWithPassword({ email: u.email, password: "brand-new-password-1" }, ctx())).ok).toBe(
      true,
    );
  });
});

describe("pseudonymisation", () => {
  it("changes no audit row: the trail shows the pseudonym from the ids it holds; sessions and tokens are revoked", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("CLINICIAN", { email: "departed@int.test", name: "Dana Departed" });
    await signInWithPassword({ email: "departed@int.test", password: "wrong-one-here" }, ctx());
    // A failure from another address stays counted after the sign-in below, holding the address.
    await signInWithPassword({ email: "departed@int.test", password: "wrong-one-here" }, ctx("10.0.0.9"));
    const session = await signInWithPassword({ email: "departed@int.test", password: PASSWORD }, ctx());
    if (!session.ok) throw new Error("sign-in failed");
    const token = await createOwnApiToken(asCurrent(u), { name: "pipeline", expiresInDays: 0 }, ctx());
    await inviteUser(
      asCurrent(u),
      { email: "invited.by.dana@int.test", role: "RESEARCHER" },
      ctx(),
      "http://app.test",
    );
    // Another person's row holding the same words as values: not the departed user's data.
    await db().$transaction((tx) =>
      recordAudit(tx, ctx(), {
        actorId: admin.id,
        action: "audit.review",
        entityType: "audit_item",
        entityId: "r1",
        after: { verdict: "Dana Departed", by: "departed@int.test" },
      }),
    );
    // An admin's search for "dana" is recorded as the people it matched, not as what was typed.
    const adminToken = await createOwnApiToken(asCurrent(admin), { name: "export", expiresInDays: 0 }, ctx());
    const exported = await auditCsvRoute.handle(
      new Request("http://app.test/api/v1/audit-log.csv?actor=Dana", {
        headers: { authorization: `Bearer ${adminToken.token}` },
      }),
    );
    expect(exported.status).toBe(200);
    expect(await exported.text()).toContain("Dana Departed");
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "audit_log.export" } })).after).toEqual({
      filter: {},
      actorIds: [u.id],
    });
    const trail = await db().auditLog.findMany({ orderBy: { id: "asc" } });
    // The app writes ids: only the row the test wrote by hand holds the name or the address.
    const dump = JSON.stringify(
      trail.filter((r) => r.entityId !== "r1"),
      (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    );
    expect(dump).not.toContain("departed@int.test");
    expect(dump).not.toContain("Dana Departed");

    const after = await pseudonymiseUser(asCurrent(admin), u.id, ctx());
    expect(after.id).toBe(u.id);
    expect(after.name).toBe(`Former user ${u.pseudonym}`);
    expect(after.email).not.toContain("departed");
    // Not a single audit row changed; one was added.
    expect(
      await db().auditLog.findMany({ where: { id: { lte: trail.at(-1)?.id } }, orderBy: { id: "asc" } }),
    ).toEqual(trail);
    expect(await db().auditLog.count({ where: { action: "user.pseudonymise", entityId: u.id } })).toBe(1);
    // Nor is the address left in the sign-in counters, under any key.
    expect(await db().loginFailure.count({ where: { key: { contains: "departed@int.test" } } })).toBe(0);

    // What is displayed changed: every row about or by them shows the pseudonym, in the list and the CSV.
    const { rows } = await listAuditLog(ZAuditFilter.parse({}));
    const failed = rows.find((r) => r.action === "auth.login_failed");
    expect(failed?.subject).toEqual({
      kind: "user",
      id: u.id,
      name: `Former user ${u.pseudonym}`,
      email: after.email,
    });
    expect(rows.find((r) => r.action === "user.invite")?.actor).toEqual({
      name: `Former user ${u.pseudonym}`,
      email: after.email,
    });
    expect(rows.find((r) => r.action === "user.pseudonymise")?.subject?.name).toBe(
      `Former user ${u.pseudonym}`,
    );
    const csv = await new Response(auditCsvStream(ZAuditFilter.parse({ entityType: "user" }))).text();
    expect(csv).toContain(`Former user ${u.pseudonym}`);
    expect(csv).not.toContain("departed@int.test");
    expect(csv).not.toContain("Dana Departed");

    expect(await validateSession(session.sessionId)).toBeNull();
    expect(await authenticateApiToken(token.token)).toBeNull();
  });

  it("shows an invitation's address while it exists and the account's name once accepted", async () => {
    const admin = await makeUser("ADMIN");
    const inv = await inviteUser(
      asCurrent(admin),
      { email: "ivy@int.test", role: "CLINICIAN" },
      ctx(),
      "http://app.test",
    );
    const link = await db().accountLink.findFirstOrThrow({ where: { email: "ivy@int.test" } });
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "user.invite" } });
    expect(row).toMatchObject({ entityType: "invitation", entityId: link.id, after: { role: "CLINICIAN" } });
    expect(JSON.stringify(row.after)).not.toContain("ivy@");
    const shown = async () =>
      (await listAuditLog(ZAuditFilter.parse({ action: "user.invite" }))).rows.find((r) => r.id === row.id)
        ?.subject;
    expect(await shown()).toEqual({ kind: "invitation", id: link.id, name: null, email: "ivy@int.test" });
    await acceptAccountLink(
      { token: tokenOf(inv.url), name: "Ivy Invitee", password: "a-good-long-password" },
      ctx(),
    );
    expect(await shown()).toEqual({
      kind: "invitation",
      id: link.id,
      name: "Ivy Invitee",
      email: "ivy@int.test",
    });
    const ivy = await db().user.findUniqueOrThrow({ where: { email: "ivy@int.test" } });
    await pseudonymiseUser(asCurrent(admin), ivy.id, ctx());
    // Pseudonymising deleted the link that held the address: the row stays, the address is gone.
    expect(await shown()).toEqual({ kind: "invitation", id: link.id, name: null, email: null });
    expect(await db().auditLog.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("audit trail", () => {
  it("is written in the same transaction as the change: a failed change leaves no audit row", async () => {
    const before = await db().auditLog.count();
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, ctx(), { actorId: null, action: "user.role_change", entityType: "user" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db().auditLog.count()).toBe(before);
  });
});

describe("own account", () => {
  it("changing the password checks the current one and signs out the other sessions only", async () => {
    const { changeOwnPassword } = await import("@/lib/users/own-account");
    const u = await makeUser("CLINICIAN");
    const here = await signInWithPassword({ email: u.email, password: PASSWORD }, ctx());
    const there = await signInWithPassword({ email: u.email, password: PASSWORD }, ctx("10.2.2.2"));
    if (!here.ok || !there.ok) throw new Error("sign-in failed");
    await expect(
      changeOwnPassword(
        asCurrent(u, here.sessionId),
        { current: "not-it-at-all", password: "another-long-password" },
        ctx(),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { current: ["Your current password is not right"] },
    });
    const r = await changeOwnPassword(
      asCurrent(u, here.sessionId),
      { current: PASSWORD, password: "another-long-password" },
      ctx(),
    );
    expect(r.otherSessionsRevoked).toBe(1);
    expect(await validateSession(here.sessionId)).not.toBeNull();
    expect(await validateSession(there.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: u.email, password: "another-long-password" }, ctx())).ok).toBe(
      true,
    );
  });
});
