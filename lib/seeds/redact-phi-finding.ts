import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { redactAll } from "@/lib/phi";
import { loadSeedForUpdate } from "./load-seed";
import { PHI_FIELDS, seedPhiFindings } from "./phi-findings";
import type { TPhiFindingRef } from "./phi-schemas";
import { redactJson } from "./redact-json";
import { snapshotJson } from "./seed-snapshot";
import { seedToSnapshot } from "./seed-to-snapshot";

const asJson = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Fixes a PHI finding everywhere it was ever stored for this seed: the seed itself (as a new
 * version), every earlier version, autosaved drafts, review comments and the audit trail's
 * before/after JSON. The redaction is recorded by fingerprint, never by the identifier itself.
 */
export async function redactPhiFinding(user: TCurrentUser, seedId: string, ref: TPhiFindingRef, ctx: TRequestContext) {
  return db().$transaction(async (tx) => {
    const seed = await loadSeedForUpdate(tx, user, seedId);
    if (seed.status === "APPROVED" || seed.status === "RETIRED") throw new AppError("CONFLICT", "Approved seeds are frozen");
    const before = seedToSnapshot(seed);
    const finding = seedPhiFindings(before).find((f) => f.field === ref.field && f.fingerprint === ref.fingerprint);
    if (!finding) throw notFound("Finding");
    const literals = [finding.text];
    // The same identifier may also appear in the other text fields: it goes everywhere at once.
    const fixed = { ...before, ...Object.fromEntries(PHI_FIELDS.map((f) => [f, redactAll(before[f], literals)])) };
    const version = seed.version + 1;
    const data = {
      instruction: fixed.instruction,
      input: fixed.input || null,
      referenceAnswer: fixed.referenceAnswer || null,
      authorNotes: fixed.authorNotes || null,
      version,
    };
    await tx.seed.update({ where: { id: seedId }, data });

    let versionsRedacted = 0;
    for (const v of await tx.seedVersion.findMany({ where: { seedId } })) {
      const r = redactJson(v.snapshot, literals);
      if (r.changed) {
        versionsRedacted += 1;
        await tx.seedVersion.update({ where: { id: v.id }, data: { snapshot: asJson(r.value) } });
      }
    }
    await tx.seedVersion.create({ data: { seedId, version, snapshot: snapshotJson(fixed), savedById: user.id, status: seed.status } });
    for (const d of await tx.seedDraft.findMany({ where: { seedId } })) {
      const r = redactJson(d.payload, literals);
      if (r.changed) await tx.seedDraft.update({ where: { seedId_userId: { seedId, userId: d.userId } }, data: { payload: asJson(r.value) } });
    }
    for (const rv of await tx.seedReview.findMany({ where: { seedId, comment: { not: null } } })) {
      const comment = redactAll(rv.comment ?? "", literals);
      if (comment !== rv.comment) await tx.seedReview.update({ where: { id: rv.id }, data: { comment } });
    }
    let auditRowsRedacted = 0;
    for (const row of await tx.auditLog.findMany({ where: { entityType: "seed", entityId: seedId } })) {
      const b = redactJson(row.before, literals);
      const a = redactJson(row.after, literals);
      if (b.changed || a.changed) {
        auditRowsRedacted += 1;
        await tx.auditLog.update({
          where: { id: row.id },
          data: { before: row.before === null ? undefined : asJson(b.value), after: row.after === null ? undefined : asJson(a.value) },
        });
      }
    }
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: "seed.phi_redact",
      entityType: "seed",
      entityId: seedId,
      after: { field: ref.field, kind: finding.kind, fingerprint: ref.fingerprint, version, versionsRedacted, auditRowsRedacted },
    });
    return { id: seedId, version, versionsRedacted, auditRowsRedacted };
  });
}
