// Issue 15 item 8: the audit trail read as sentences, entities named (and linked) as they are
// now, changes as fields, filters validated (400 on bad input, never an empty page).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { auditLogRoute } from "@/lib/audit/audit-log-route";
import { apiCaller } from "../support/api-caller";
import { resetDatabase } from "../support/db";
import { makeUser } from "../support/factories";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type TEntry = {
  actor: { id: string; name: string | null } | null;
  action: string;
  words: string;
  entity: { kind: string; name: string | null; href: string | null; state: string };
  changes: { field: string; before: string | null; after: string | null }[];
};
type TPage = { entries: TEntry[]; nextBefore: number | null };

async function datasetNamed(name: string, createdById: string) {
  return db().dataset.create({ data: { name, createdById, status: "READY" } });
}

describe("GET /api/v1/audit-log", () => {
  it("reads each entry as a sentence about a named, linked entity with field changes", async () => {
    const admin = await apiCaller("ADMIN");
    const target = await makeUser("CLINICIAN", { name: "Tess Target" });
    const ds = await datasetNamed("Cardiology answers", admin.user.id);
    const gone = "00000000-0000-4000-8000-0000000000aa";
    await db().auditLog.createMany({
      data: [
        {
          actorId: admin.user.id,
          action: "user.role_change",
          entityType: "user",
          entityId: target.id,
          before: { role: "RESEARCHER", name: "Tess Target" },
          after: { role: "CLINICIAN", name: "Tess Target" },
        },
        {
          actorId: admin.user.id,
          action: "dataset.import",
          entityType: "dataset",
          entityId: ds.id,
          after: { count: 3 },
        },
        { actorId: admin.user.id, action: "audit.close", entityType: "audit_campaign", entityId: gone },
      ],
    });
    const res = await admin.call(auditLogRoute, "/api/v1/audit-log");
    expect(res.status).toBe(200);
    const { entries } = (await res.json()) as TPage;
    const [closed, imported, role] = entries;
    expect(role).toMatchObject({
      actor: { id: admin.user.id, name: admin.user.name },
      words: "changed the account's role",
      entity: { kind: "Account", name: "Tess Target", state: "present" },
      changes: [{ field: "role", before: "RESEARCHER", after: "CLINICIAN" }],
    });
    expect(imported).toMatchObject({
      words: "imported a dataset",
      entity: { kind: "Dataset", name: "Cardiology answers", href: `/datasets/${ds.id}` },
      changes: [{ field: "count", before: null, after: "3" }],
    });
    expect(closed).toMatchObject({
      words: "closed the audit campaign",
      entity: { kind: "Audit campaign", name: null, href: null, state: "deleted" },
    });
  });

  it("shows a pseudonymised account as redacted, by its pseudonym", async () => {
    const admin = await apiCaller("ADMIN");
    const gone = await makeUser("CLINICIAN", { name: "Real Name" });
    await db().auditLog.create({
      data: { actorId: admin.user.id, action: "user.disable", entityType: "user", entityId: gone.id },
    });
    await db().user.update({
      where: { id: gone.id },
      data: { name: `Former user ${gone.pseudonym}`, pseudonymisedAt: new Date() },
    });
    const { entries } = (await (await admin.call(auditLogRoute, "/api/v1/audit-log")).json()) as TPage;
    expect(entries[0]?.entity).toMatchObject({ state: "redacted", name: `Former user ${gone.pseudonym}` });
    expect(JSON.stringify(entries)).not.toContain("Real Name");
  });

  it("filters by person, entity and exact action server-side", async () => {
    const admin = await apiCaller("ADMIN");
    const other = await makeUser("ADMIN");
    await db().auditLog.createMany({
      data: [
        { actorId: admin.user.id, action: "auth.login", entityType: "session", entityId: "s1" },
        { actorId: admin.user.id, action: "auth.login_failed", entityType: "session", entityId: "s2" },
        { actorId: other.id, action: "auth.login", entityType: "session", entityId: "s3" },
        { actorId: other.id, action: "seed.save", entityType: "seed", entityId: "s4" },
      ],
    });
    const ids = async (qs: string) =>
      ((await (await admin.call(auditLogRoute, `/api/v1/audit-log?${qs}`)).json()) as TPage).entries.map(
        (e) => e.action + ":" + (e.actor?.id === other.id ? "other" : "admin"),
      );
    expect(await ids("action=auth.login")).toEqual(["auth.login:other", "auth.login:admin"]);
    expect(await ids("action=auth.")).toHaveLength(3);
    expect(await ids(`actorId=${other.id}`)).toEqual(["seed.save:other", "auth.login:other"]);
    expect(await ids("entityType=seed")).toEqual(["seed.save:other"]);
    expect(await ids(`action=auth.login&actorId=${admin.user.id}`)).toEqual(["auth.login:admin"]);
  });

  it("answers 400 (problem+json) for a filter that is not valid", async () => {
    const admin = await apiCaller("ADMIN");
    for (const qs of [
      "action=DROP TABLE",
      "action=user.rol e",
      "entityType=nonsense",
      "actorId=not-a-uuid",
      "before=-3",
      "from=yesterday",
    ]) {
      const res = await admin.call(auditLogRoute, `/api/v1/audit-log?${qs.replace(/ /g, "%20")}`);
      expect(res.status, qs).toBe(400);
      expect(res.headers.get("content-type"), qs).toContain("application/problem+json");
    }
  });

  it("pages 50 at a time, newest first", async () => {
    const admin = await apiCaller("ADMIN");
    await db().auditLog.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        action: "seed.save",
        entityType: "seed",
        entityId: `p${i}`,
      })),
    });
    const first = (await (await admin.call(auditLogRoute, "/api/v1/audit-log")).json()) as TPage;
    expect(first.entries).toHaveLength(50);
    expect(first.nextBefore).not.toBeNull();
    const second = (await (
      await admin.call(auditLogRoute, `/api/v1/audit-log?before=${first.nextBefore}`)
    ).json()) as TPage;
    expect(second.entries).toHaveLength(5);
    expect(second.nextBefore).toBeNull();
  });

  it("is for admins only", async () => {
    for (const [role, status] of [
      ["ADMIN", 200],
      ["CLINICIAN", 403],
      ["RESEARCHER", 403],
    ] as const) {
      const who = await apiCaller(role);
      expect((await who.call(auditLogRoute, "/api/v1/audit-log")).status, role).toBe(status);
    }
  });
});
