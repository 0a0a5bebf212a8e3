// Request plumbing at run time: HSTS from the run-time configuration, client addresses that a
// client cannot choose, and the audit-log date filter.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Before the first env() read of this file's process, which caches it: a production https deployment.
const saved = vi.hoisted(() => {
  const before = { NODE_ENV: process.env.NODE_ENV, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
  Object.assign(process.env, { NODE_ENV: "production", NEXTAUTH_URL: "https://clinreview.hospital.test" });
  return before;
});

import type { IncomingHttpHeaders } from "node:http";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { auditCsvRoute } from "@/lib/audit/audit-csv-route";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { stampPeer } from "@/lib/http/peer-address";
import { meRoute } from "@/lib/users/me-route";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) Reflect.deleteProperty(process.env, k);
    else Object.assign(process.env, { [k]: v });
  }
});

async function bearer(role: "ADMIN" | "CLINICIAN") {
  const user = await makeUser(role);
  const { token } = await insertApiToken(db(), user.id, "t", null);
  return { user, token };
}

describe("API responses", () => {
  it("carry HSTS decided at request time from the run-time configuration", async () => {
    const { token } = await bearer("CLINICIAN");
    const res = await meRoute.handle(
      new Request("http://app.test/api/v1/me", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    const denied = await auditCsvRoute.handle(
      new Request("http://app.test/api/v1/audit-log.csv", { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(denied.status).toBe(403);
    expect(denied.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("record the socket peer as the client address, never a client's own X-Forwarded-For", async () => {
    const { user, token } = await bearer("CLINICIAN");
    const forged = { authorization: `Bearer ${token}`, "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" };
    const raw = {
      headers: { ...forged } as IncomingHttpHeaders,
      socket: { remoteAddress: "::ffff:10.20.30.40" } as never,
    };
    stampPeer(raw);
    const headers = new Headers(
      Object.entries(raw.headers).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
    expect(
      (await auditCsvRoute.handle(new Request("http://app.test/api/v1/audit-log.csv", { headers }))).status,
    ).toBe(403);
    // Without the stamp (not from this process's server) the address is unknown rather than spoofed.
    expect(
      (await auditCsvRoute.handle(new Request("http://app.test/api/v1/audit-log.csv", { headers: forged })))
        .status,
    ).toBe(403);
    const ips = (
      await db().auditLog.findMany({
        where: { actorId: user.id, action: "permission.denied" },
        orderBy: { id: "asc" },
      })
    ).map((r) => r.ip);
    expect(ips).toEqual(["10.20.30.40", null]);
  });
});

describe("audit-log filter", () => {
  it("includes the whole of a date-only `to` day and nothing after it", async () => {
    const at = [
      "2026-01-30T10:00:00.000Z",
      "2026-01-31T00:00:00.000Z",
      "2026-01-31T23:59:59.999Z",
      "2026-02-01T00:00:00.000Z",
    ];
    for (const [i, t] of at.entries()) {
      await db().auditLog.create({
        data: { at: new Date(t), action: "test.entry", entityType: "test", entityId: String(i) },
      });
    }
    const { rows } = await listAuditLog(ZAuditFilter.parse({ from: "2026-01-31", to: "2026-01-31" }));
    expect(rows.map((r) => r.entityId).sort()).toEqual(["1", "2"]);
    const upTo = await listAuditLog(ZAuditFilter.parse({ to: "2026-01-31" }));
    expect(upTo.rows.map((r) => r.entityId).sort()).toEqual(["0", "1", "2"]);
  });
});
