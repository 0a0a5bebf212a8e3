import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { redactAuditRows } from "@/lib/audit/redact-audit-rows";
import type { TTx } from "@/lib/db/prisma";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { redactAll } from "@/lib/phi";
import { PHI_FIXED, type TSeedPhiFinding } from "./phi-findings";
import { redactJson } from "./redact-json";

const asJson = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * Once a finding is fixed, no stored copy of its identifier may survive: this scrubs every earlier
 * version, autosaved draft, review comment and the audit trail's before/after of the seed, marks
 * each finding fixed and records the redaction by fingerprint, never by the identifier itself.
 *
 * The one piece of code behind both ways of fixing a finding (the "redact" action and a save that
 * edits the identifier away), run inside the caller's transaction after it wrote the seed's new
 * version and its own audit row, so those are scrubbed too. The seed row is the caller's to update.
 */
export async function redactSeedHistory(
  tx: TTx,
  ctx: TRequestContext,
  args: {
    actorId: string;
    seedId: string;
    findings: readonly TSeedPhiFinding[];
    version: number;
    via: "redact" | "save";
  },
) {
  const { actorId, seedId } = args;
  const literals = [...new Set(args.findings.map((f) => f.text))];

  let versionsRedacted = 0;
  for (const v of await tx.seedVersion.findMany({ where: { seedId } })) {
    const r = redactJson(v.snapshot, literals);
    if (r.changed) {
      versionsRedacted += 1;
      await tx.seedVersion.update({ where: { id: v.id }, data: { snapshot: asJson(r.value) } });
    }
  }
  for (const d of await tx.seedDraft.findMany({ where: { seedId } })) {
    const r = redactJson(d.payload, literals);
    if (r.changed)
      await tx.seedDraft.update({
        where: { seedId_userId: { seedId, userId: d.userId } },
        data: { payload: asJson(r.value) },
      });
  }
  for (const rv of await tx.seedReview.findMany({ where: { seedId, comment: { not: null } } })) {
    const comment = redactAll(rv.comment ?? "", literals);
    if (comment !== rv.comment) await tx.seedReview.update({ where: { id: rv.id }, data: { comment } });
  }
  // The audit trail is append-only; its one exception records each row it redacts by fingerprint.
  const auditRows = await tx.auditLog.findMany({
    where: { entityType: "seed", entityId: seedId },
    select: { id: true },
  });
  const auditRowsRedacted = await redactAuditRows(tx, ctx, {
    actorId,
    rowIds: auditRows.map((r) => r.id),
    literals,
  });

  const findings = [
    ...new Map(args.findings.map((f) => [`${f.field}\u0000${f.fingerprint}`, f])).values(),
  ].map((f) => ({
    field: f.field,
    kind: f.kind,
    fingerprint: f.fingerprint,
  }));
  for (const f of findings) {
    await tx.seedPhiDecision.upsert({
      where: { seedId_field_fingerprint: { seedId, field: f.field, fingerprint: f.fingerprint } },
      create: { seedId, ...f, decision: PHI_FIXED, decidedById: actorId },
      update: { decision: PHI_FIXED, decidedById: actorId },
    });
  }
  await recordAudit(tx, ctx, {
    actorId,
    action: "seed.phi_redact",
    entityType: "seed",
    entityId: seedId,
    after: { via: args.via, version: args.version, findings, versionsRedacted, auditRowsRedacted },
  });
  return { versionsRedacted, auditRowsRedacted };
}
