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
      [1, 2, 3, 4].map((i) => createFirstAdmin({ name: `Admin ${i}`, email: `admin${i}@int.test`, password: "long-enough-password" }, ctx())),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect(await db().user.count({ where: { role: "ADMIN" } })).toBe(1);
    expect(await needsSetup()).toBe(false);
    expect(await db().auditLog.count({ where: { action: "user.setup_admin" } })).toBe(1);
  });

  it("once done, refuses another setup before hashing its password", async () => {
    await createFirstAdmin({ name: "Admin", email: "admin@int.test", password: "long-enough-password" }, ctx());
    const before = hashes.count;
    await expect(createFirstAdmin({ name: "Late", email: "late@int.test", password: "x".repeat(10_000) }, ctx())).rejects.toMatchObject({ code: "FORBIDDEN" });
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
    const inv = await inviteUser(asCurrent(admin), parseInput(ZInviteUser, { email: "New.Person@int.test", role: "CLINICIAN" }), ctx(), "http://app.test");
    expect(inv.url).toMatch(/^http:\/\/app\.test\/invite\//);
    expect(inv.mailed).toBe(false);
    const stored = await db().accountLink.findFirstOrThrow({ where: { email: "new.person@int.test" } });
    expect(stored.tokenHash).not.toBe(tokenOf(inv.url));

    await acceptAccountLink({ token: tokenOf(inv.url), name: "New Person", password: "a-good-long-password" }, ctx());
    const u = await db().user.findUniqueOrThrow({ where: { email: "new.person@int.test" } });
    expect(u.role).toBe("CLINICIAN");
    expect((await signInWithPassword({ email: u.email, password: "a-good-long-password" }, ctx())).ok).toBe(true);
    await expect(acceptAccountLink({ token: tokenOf(inv.url), name: "Again", password: "a-good-long-password" }, ctx())).rejects.toMatchObject({ code: "GONE" });

    const inv2 = await inviteUser(asCurrent(admin), { email: "late@int.test", role: "RESEARCHER" }, ctx(), "http://app.test");
    await db().accountLink.updateMany({ where: { email: "late@int.test" }, data: { expiresAt: new Date(Date.now() - 1) } });
    await expect(acceptAccountLink({ token: tokenOf(inv2.url), name: "Late", password: "a-good-long-password" }, ctx())).rejects.toMatchObject({ code: "GONE" });
    expect(await db().user.count({ where: { email: "late@int.test" } })).toBe(0);

    await expect(inviteUser(asCurrent(admin), { email: u.email, role: "ADMIN" }, ctx(), "http://app.test")).rejects.toMatchObject({ code: "CONFLICT" });
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
    expect((await signInWithPassword({ email: u.email, password: "brand-new-password-1" }, ctx())).ok).toBe(true);
  });
});

describe("pseudonymisation", () => {
  it("removes name and e-mail everywhere, audit trail included, and keeps the work's user id", async () => {
    const admin = await makeUser("ADMIN");
    const u = await makeUser("CLINICIAN", { email: "departed@int.test", name: "Dana Departed" });
    await signInWithPassword({ email: "departed@int.test", password: "wrong-one-here" }, ctx());
    await db().$transaction((tx) =>
      recordAudit(tx, ctx(), { actorId: admin.id, action: "user.role_change", entityType: "user", entityId: u.id, after: { name: "Dana Departed", note: "Dana Departed's reviews" } }),
    );
    // Another person's row holding the same words as values: not the departed user's data.
    await db().$transaction((tx) =>
      recordAudit(tx, ctx(), { actorId: admin.id, action: "audit.review", entityType: "AuditReview", entityId: "r1", after: { verdict: "Dana Departed", by: "departed@int.test" } }),
    );
    const after = await pseudonymiseUser(asCurrent(admin), u.id, ctx());
    expect(after.id).toBe(u.id);
    expect(after.name).toBe(`Former user ${u.pseudonym}`);
    expect(after.email).not.toContain("departed");
    const dump = JSON.stringify(await db().auditLog.findMany({ where: { entityId: { not: "r1" } } }), (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
    expect(dump).not.toContain("departed@int.test");
    expect(dump).not.toContain('"Dana Departed"');
    // Free text that merely contains the name is not a whole value and is left for the admin.
    expect(dump).toContain("Dana Departed's reviews");
    // Rewritten by field, not by value: the other row is untouched.
    expect((await db().auditLog.findFirstOrThrow({ where: { entityId: "r1" } })).after).toEqual({ verdict: "Dana Departed", by: "departed@int.test" });
    expect(await db().auditLog.count({ where: { action: "user.pseudonymise", entityId: u.id } })).toBe(1);
  });
});

describe("audit trail", () => {
  it("is written in the same transaction as the change: a failed change leaves no audit row", async () => {
    const before = await db().auditLog.count();
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, ctx(), { actorId: null, action: "test.change", entityType: "test" });
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
    await expect(changeOwnPassword(asCurrent(u, here.sessionId), { current: "not-it-at-all", password: "another-long-password" }, ctx())).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { current: ["Your current password is not right"] },
    });
    const r = await changeOwnPassword(asCurrent(u, here.sessionId), { current: PASSWORD, password: "another-long-password" }, ctx());
    expect(r.otherSessionsRevoked).toBe(1);
    expect(await validateSession(here.sessionId)).not.toBeNull();
    expect(await validateSession(there.sessionId)).toBeNull();
    expect((await signInWithPassword({ email: u.email, password: "another-long-password" }, ctx())).ok).toBe(true);
  });
});
