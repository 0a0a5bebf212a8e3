// The account, user-admin and public routes that replaced the server actions (issue 14): the same
// services behind them, so these check what the route adds — who may call, the origin check of
// the public routes, and that the public answers still reveal nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Links are built on the public address, which production always has.
  process.env.NEXTAUTH_URL = "http://app.test";
});

import { db } from "@/lib/db/prisma";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { changePasswordRoute, createTokenRoute } from "@/lib/users/account-routes";
import { changeRoleRoute, inviteUserRoute } from "@/lib/users/admin-routes";
import { acceptLinkRoute, requestPasswordResetRoute, setupRoute } from "@/lib/users/public-routes";
import { RESET_LIMITS, RESET_REQUESTED_MESSAGE } from "@/lib/users/request-password-reset";
import { apiCaller, callAs } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";
import { startFakeSmtp, type TFakeSmtp } from "../support/fake-smtp";

const anonymous = callAs(null);
const NEW_PASSWORD = "a long new passphrase 42";
let smtp: TFakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  process.env.SMTP_URL = smtp.url;
});
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
  await smtp.stop();
});

const setupBody = {
  name: "First Admin",
  email: "first@int.test",
  password: NEW_PASSWORD,
  confirm: NEW_PASSWORD,
};

describe("public routes", () => {
  it("refuse a cross-site browser request, serve our own pages and clients without a browser", async () => {
    const post = (headers: Record<string, string>) =>
      anonymous(setupRoute, "/api/v1/setup", { method: "POST", body: setupBody, headers });
    const forged = await post({ origin: "http://evil.test" });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("content-type")).toContain("application/problem+json");
    expect((await post({ "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await db().user.count()).toBe(0);

    expect((await post({ origin: "http://app.test" })).status).toBe(201);
    const admin = await db().user.findUniqueOrThrow({ where: { email: "first@int.test" } });
    expect(admin.role).toBe("ADMIN");
    expect(await db().auditLog.count({ where: { action: "user.setup_admin", entityId: admin.id } })).toBe(1);

    // Once done: a conflict, in the words the setup page shows.
    const again = await post({});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { detail: string }).detail).toBe(
      "Setup is already complete. Sign in instead.",
    );
  });

  it("answer a reset request alike for known and unknown addresses, and throttle per address", async () => {
    const user = await makeUser("CLINICIAN");
    const ask = (email: string) =>
      anonymous(requestPasswordResetRoute, "/api/v1/password-resets", {
        method: "POST",
        body: { email },
        headers: { origin: "http://app.test" },
      });
    const known = await ask(user.email);
    const unknown = await ask("nobody@int.test");
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual({ message: RESET_REQUESTED_MESSAGE });
    expect(await unknown.json()).toEqual({ message: RESET_REQUESTED_MESSAGE });
    for (let i = 1; i < RESET_LIMITS.perEmail; i++) expect((await ask(user.email)).status).toBe(202);
    expect((await ask(user.email)).status).toBe(429);
    expect(await db().auditLog.count({ where: { action: "user.reset_throttled" } })).toBe(1);
  });

  it("complete an invitation issued through the admin route", async () => {
    const admin = await apiCaller("ADMIN");
    const invited = await admin.call(inviteUserRoute, "/api/v1/users", {
      method: "POST",
      body: { email: "Ivy@Int.test", role: "RESEARCHER" },
    });
    expect(invited.status).toBe(201);
    const { url, email } = (await invited.json()) as { url: string; email: string };
    expect(email).toBe("ivy@int.test");
    const token = url.split("/").pop() ?? "";
    const accept = (body: object) =>
      anonymous(acceptLinkRoute, "/api/v1/account-links/accept", { method: "POST", body });
    const mismatch = await accept({ token, name: "Ivy", password: NEW_PASSWORD, confirm: "other" });
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { errors: Record<string, string[]> }).errors.confirm).toEqual([
      "The passwords do not match",
    ]);
    const done = await accept({ token, name: "Ivy", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ kind: "INVITE" });
    const ivy = await db().user.findUniqueOrThrow({ where: { email: "ivy@int.test" } });
    expect(ivy.role).toBe("RESEARCHER");
    expect(await db().auditLog.count({ where: { action: "user.invite_accepted", entityId: ivy.id } })).toBe(
      1,
    );
    expect((await accept({ token, name: "Ivy", password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(
      410,
    );
  });
});

describe("user administration routes", () => {
  it.each(["CLINICIAN", "RESEARCHER"] as const)("refuse a %s and record the denial", async (role) => {
    const caller = await apiCaller(role);
    const target = await makeUser("RESEARCHER");
    const res = await caller.call(changeRoleRoute, `/api/v1/users/${target.id}/role`, {
      method: "PUT",
      params: { id: target.id },
      body: { role: "ADMIN" },
    });
    expect(res.status).toBe(403);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("RESEARCHER");
    expect(
      await db().auditLog.count({ where: { action: "permission.denied", actorId: caller.user.id } }),
    ).toBe(1);
  });

  it("let an admin change a role, audited with the old one", async () => {
    const admin = await apiCaller("ADMIN");
    const target = await makeUser("RESEARCHER");
    const res = await admin.call(changeRoleRoute, `/api/v1/users/${target.id}/role`, {
      method: "PUT",
      params: { id: target.id },
      body: { role: "CLINICIAN" },
    });
    expect(res.status).toBe(204);
    expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("CLINICIAN");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "user.role_change", entityId: target.id },
    });
    expect(audit.before).toEqual({ role: "RESEARCHER" });
  });
});

describe("own account routes", () => {
  it.each(["ADMIN", "CLINICIAN", "RESEARCHER"] as const)(
    "let a %s create a working token and refuse a wrong current password",
    async (role) => {
      const me = await apiCaller(role);
      const created = await me.call(createTokenRoute, "/api/v1/tokens", {
        method: "POST",
        body: { name: "pipeline", expiresInDays: "30" },
      });
      expect(created.status).toBe(201);
      const { token } = (await created.json()) as { token: string };
      expect((await authenticateApiToken(token))?.id).toBe(me.user.id);

      const wrong = await me.call(changePasswordRoute, "/api/v1/me/password", {
        method: "PUT",
        body: { current: "not the password", password: NEW_PASSWORD, confirm: NEW_PASSWORD },
      });
      expect(wrong.status).toBe(422);
      expect(((await wrong.json()) as { errors: Record<string, string[]> }).errors.current).toEqual([
        "Your current password is not right",
      ]);
    },
  );
});
