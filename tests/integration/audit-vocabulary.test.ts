// Rows written before the audit vocabulary had one spelling each keep theirs (the trail is
// append-only): the page, its filters and the CSV read them in today's spelling (lib/audit/vocabulary.ts).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditCsvStream } from "@/lib/audit/audit-csv";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { ctx } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function trailWithBothSpellings() {
  // As earlier versions wrote them (inserting is all the trail allows).
  await db().auditLog.create({
    data: { action: "seeds.export", entityType: "seed", entityId: "old-export" },
  });
  await db().auditLog.create({
    data: { action: "study.create", entityType: "Study", entityId: "old-study" },
  });
  await db().auditLog.create({
    data: { action: "study.skip", entityType: "QueueAssignment", entityId: "old-skip" },
  });
  await db().$transaction(async (tx) => {
    await recordAudit(tx, ctx(), {
      actorId: null,
      action: "seed.export",
      entityType: "seed",
      entityId: "new-export",
    });
    await recordAudit(tx, ctx(), {
      actorId: null,
      action: "study.create",
      entityType: "study",
      entityId: "new-study",
    });
  });
}

const list = async (filter: Record<string, string>) =>
  (await listAuditLog(ZAuditFilter.parse(filter))).rows.map((r) => [r.action, r.entityType, r.entityId]);

describe("legacy audit spellings", () => {
  it("are shown in today's spelling, and stored unchanged", async () => {
    await trailWithBothSpellings();
    expect(await list({})).toEqual([
      ["study.create", "study", "new-study"],
      ["seed.export", "seed", "new-export"],
      ["study.skip", "queue_assignment", "old-skip"],
      ["study.create", "study", "old-study"],
      ["seed.export", "seed", "old-export"],
    ]);
    expect(await db().auditLog.count({ where: { entityType: "Study" } })).toBe(1);
  });

  it("are matched by filters in either spelling", async () => {
    await trailWithBothSpellings();
    expect(await list({ entityType: "study" })).toEqual([
      ["study.create", "study", "new-study"],
      ["study.create", "study", "old-study"],
    ]);
    expect(await list({ entityType: "Study" })).toHaveLength(2);
    expect(await list({ entityType: "queue_assignment" })).toEqual([
      ["study.skip", "queue_assignment", "old-skip"],
    ]);
    expect(await list({ action: "seed.export" })).toEqual([
      ["seed.export", "seed", "new-export"],
      ["seed.export", "seed", "old-export"],
    ]);
  });

  it("are written in today's spelling in the CSV", async () => {
    await trailWithBothSpellings();
    const csv = await new Response(auditCsvStream(ZAuditFilter.parse({}))).text();
    expect(csv).not.toContain("seeds.export");
    expect(csv).not.toMatch(/,Study,|,QueueAssignment,/);
    expect(csv.match(/,seed\.export,seed,/g)).toHaveLength(2);
    expect(csv.match(/,study\.create,study,/g)).toHaveLength(2);
  });
});
