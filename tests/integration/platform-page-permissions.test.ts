// requirePagePermission with a list of permissions (pages that serve several roles, like /audits):
// any one of them admits, and a denial is recorded in the audit trail.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: () => Promise.resolve(session.sid ? { sid: session.sid } : null),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  forbidden: () => {
    throw new Error("FORBIDDEN 403");
  },
}));
vi.mock("next/headers", () => ({
  headers: () => Promise.resolve(new Headers({ "x-request-id": "req-page-permission" })),
}));

import { db } from "@/lib/db/prisma";
import { requirePagePermission } from "@/lib/auth/current-user";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { resetDatabase } from "../support/db";
import { ctx, makeUser, PASSWORD } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
  session.sid = null;
});
afterAll(async () => {
  await db().$disconnect();
});

async function signIn(role: "ADMIN" | "CLINICIAN" | "RESEARCHER") {
  const user = await makeUser(role);
  const r = await signInWithPassword({ email: user.email, password: PASSWORD }, ctx());
  if (!r.ok) throw new Error("sign-in failed");
  session.sid = r.sessionId;
  return user;
}

describe("requirePagePermission", () => {
  it("admits a role holding any one of the listed permissions", async () => {
    for (const role of ["ADMIN", "CLINICIAN", "RESEARCHER"] as const) {
      const user = await signIn(role);
      expect(
        (await requirePagePermission(["audits:review", "audits:manage", "audits:results"], "/audits")).id,
      ).toBe(user.id);
    }
    expect(await db().auditLog.count({ where: { action: "permission.denied" } })).toBe(0);
  });

  it("answers a role holding none of them with forbidden() and records the denial", async () => {
    const user = await signIn("RESEARCHER");
    await expect(requirePagePermission(["audits:review", "users:manage"], "/audits")).rejects.toThrow(
      "FORBIDDEN 403",
    );
    const denial = await db().auditLog.findFirstOrThrow({
      where: { action: "permission.denied", actorId: user.id },
    });
    expect(denial).toMatchObject({
      entityId: "page /audits (audits:review | users:manage)",
      requestId: "req-page-permission",
    });
  });

  it("sends anonymous visitors to sign in", async () => {
    await expect(requirePagePermission(["audits:review"], "/audits")).rejects.toThrow(
      "REDIRECT /signin?callbackUrl=%2Faudits",
    );
  });
});
