// An SSO sign-in and a sign-out record the request's address on the session and audit rows, as a
// password sign-in does (lib/auth/auth-options.ts, authOptionsFor): before, both wrote null.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { authOptionsFor } from "@/lib/auth/auth-options";
import { db } from "@/lib/db/prisma";
import { stampPeer } from "@/lib/http/peer-address";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

/** A request as the server sees it: stamped with its TCP peer (lib/http/peer-address.ts). */
function requestFrom(peer: string, headers: Record<string, string> = {}): Request {
  const raw = {
    headers: { ...headers } as Record<string, string | string[] | undefined>,
    socket: { remoteAddress: peer },
  };
  stampPeer(raw as never);
  return new Request("http://app.test/api/auth/callback/oidc", {
    headers: raw.headers as Record<string, string>,
  });
}

async function ssoSignIn(req: Request, email: string): Promise<string> {
  const jwt = authOptionsFor(req).callbacks?.jwt;
  const token = await jwt?.({
    token: {},
    user: { id: "sub-1", email },
    account: { provider: "oidc" },
  } as never);
  return (token as { sid: string }).sid;
}

describe("SSO sign-in records the client address", () => {
  it("on the session and the auth.login_sso audit row", async () => {
    const user = await makeUser("CLINICIAN");
    const sid = await ssoSignIn(requestFrom("::ffff:10.8.1.7", { "user-agent": "Browser/1" }), user.email);
    expect(await db().session.findUniqueOrThrow({ where: { id: sid } })).toMatchObject({
      ip: "10.8.1.7",
      userAgent: "Browser/1",
    });
    const rows = await db().auditLog.findMany({ where: { action: "auth.login_sso" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: user.id, entityId: sid, ip: "10.8.1.7" });
    expect(rows[0]?.requestId).toBeTruthy();
  });

  it("without TRUST_PROXY a client's own X-Forwarded-For is not the address (the peer is)", async () => {
    const user = await makeUser("CLINICIAN");
    const sid = await ssoSignIn(requestFrom("10.8.1.8", { "x-forwarded-for": "6.6.6.6" }), user.email);
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.login_sso", entityId: sid } });
    expect(row.ip).toBe("10.8.1.8");
  });

  it("sign-out records the address too", async () => {
    const user = await makeUser("CLINICIAN");
    const sid = await ssoSignIn(requestFrom("10.8.1.9"), user.email);
    await authOptionsFor(requestFrom("10.8.2.1")).events?.signOut?.({
      token: { sid },
      session: null,
    } as never);
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.logout", entityId: sid } });
    expect(row.ip).toBe("10.8.2.1");
  });
});
