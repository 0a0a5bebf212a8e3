import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { redactAuditRows } from "@/lib/audit/redact-audit-rows";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db, type TTx } from "@/lib/db/prisma";
import { AppError, forbidden, notFound } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TRequestContext } from "@/lib/http/request-context";
import { detectPhi } from "@/lib/phi";
import { redactLiterals, redactLiteralsInJson, type TLiteral } from "./placeholders";
import { WRITTEN_ENTITIES } from "./written-entities";
import { phiFingerprint } from "./fingerprint";
import { isLegacyFingerprint, kindOfFingerprint } from "./keyed-fingerprint";
import { isAuditEntityType } from "@/lib/audit/vocabulary";

/** Which identifiers to take out of which person-written text: by fingerprint, never by literal. */
export type TRedactWrittenText = {
  entityType: string;
  entityId: string;
  field: string;
  fingerprints: readonly string[];
};

export type TRedactWrittenResult = {
  /** false: nothing was left to redact (a repeat), and nothing was written. */
  redacted: boolean;
  fieldsRedacted: number;
  draftsRedacted: number;
  auditRowsRedacted: number;
  confirmationsRedacted: number;
};

const NOTHING: TRedactWrittenResult = {
  redacted: false,
  fieldsRedacted: 0,
  draftsRedacted: 0,
  auditRowsRedacted: 0,
  confirmationsRedacted: 0,
};

/**
 * Takes identifiers that were confirmed "not PHI" out of every stored copy of a written text: the
 * entity's fields (all of them: a name typed in the rationale is often in the correction too), the
 * autosaved draft it came from, and the audit rows of the entity and its parent (through
 * audit_redact, the audit trail's one exception, which records each row it changed by SHA-256).
 * The literals are found again in the stored text by fingerprint, so none is ever sent or stored.
 * Marks the matching confirmations redacted and records the redaction by fingerprint. A repeat
 * finds no literal and no open confirmation and changes nothing. Runs in the caller's transaction.
 */
export async function redactWrittenTextIn(
  tx: TTx,
  ctx: TRequestContext | null,
  actorId: string,
  args: TRedactWrittenText,
): Promise<TRedactWrittenResult> {
  const entity = Object.hasOwn(WRITTEN_ENTITIES, args.entityType)
    ? WRITTEN_ENTITIES[args.entityType]
    : undefined;
  const state = entity ? await entity.load(tx, args.entityId) : null;
  // Every written entity is an audit entity type too (lib/audit/vocabulary.ts).
  const entityType = args.entityType;
  if (!entity || !state || !isAuditEntityType(entityType)) throw notFound("Text");
  if (!Object.hasOwn(state.fields, args.field))
    throw new AppError("VALIDATION", "Some fields need attention", {
      fieldErrors: { field: ["This text has no such field"] },
    });

  const wanted = new Set(args.fingerprints);
  // A legacy fingerprint (before they were keyed) matches no identifier any more: redacting its
  // confirmation takes out every identifier of its kind in that field, erring towards removal.
  const legacyKinds = new Set(args.fingerprints.filter(isLegacyFingerprint).map(kindOfFingerprint));
  const literals: (TLiteral & { fingerprint: string })[] = [];
  for (const f of detectPhi(state.fields[args.field] ?? "")) {
    const fingerprint = phiFingerprint(f.kind, f.text);
    if ((wanted.has(fingerprint) || legacyKinds.has(f.kind)) && !literals.some((l) => l.text === f.text))
      literals.push({ text: f.text, kind: f.kind, fingerprint });
  }
  const open = await tx.phiConfirmation.findMany({
    where: {
      entityType: args.entityType,
      entityId: args.entityId,
      fingerprint: { in: [...wanted] },
      redactedAt: null,
    },
    select: { id: true, kind: true, fingerprint: true },
  });
  if (literals.length === 0 && open.length === 0) return NOTHING;

  let fieldsRedacted = 0;
  for (const [field, text] of Object.entries(state.fields)) {
    if (!text) continue;
    const redacted = redactLiterals(text, literals);
    if (redacted === text) continue;
    await entity.write(tx, args.entityId, field, redacted);
    fieldsRedacted += 1;
  }
  let draftsRedacted = 0;
  if (state.draftAssignmentId && literals.length > 0) {
    const a = await tx.queueAssignment.findUnique({
      where: { id: state.draftAssignmentId },
      select: { draft: true },
    });
    const r = a?.draft ? redactLiteralsInJson(a.draft, literals) : null;
    if (r?.changed) {
      await tx.queueAssignment.update({
        where: { id: state.draftAssignmentId },
        data: { draft: r.value as Prisma.InputJsonValue },
      });
      draftsRedacted = 1;
    }
  }
  const rows = await tx.auditLog.findMany({ where: { OR: state.subjects }, select: { id: true } });
  const auditRowsRedacted = await redactAuditRows(tx, ctx, {
    actorId,
    rowIds: rows.map((r) => r.id),
    literals: literals.map((l) => l.text),
  });

  const now = new Date();
  if (open.length > 0)
    await tx.phiConfirmation.updateMany({
      where: { id: { in: open.map((c) => c.id) } },
      data: { redactedAt: now, redactedById: actorId },
    });
  // Fingerprints and kinds only: the audit row must not become one more copy of the identifier.
  const findings = [
    ...new Map(
      [...open, ...literals].map((f) => [f.fingerprint, { kind: f.kind, fingerprint: f.fingerprint }]),
    ).values(),
  ];
  await recordAudit(tx, ctx, {
    actorId,
    action: "phi.redact",
    entityType,
    entityId: args.entityId,
    after: {
      field: args.field,
      findings,
      fieldsRedacted,
      draftsRedacted,
      auditRowsRedacted,
      confirmationsRedacted: open.length,
    },
  });
  return {
    redacted: true,
    fieldsRedacted,
    draftsRedacted,
    auditRowsRedacted,
    confirmationsRedacted: open.length,
  };
}

/** An admin redacts identifiers found in a written text (chosen by fingerprint from a fresh scan). */
export async function redactWrittenText(
  user: TCurrentUser,
  args: TRedactWrittenText,
  ctx: TRequestContext,
): Promise<TRedactWrittenResult> {
  if (!hasPermission(user.role, "phi:redact")) throw forbidden();
  return db().$transaction((tx) => redactWrittenTextIn(tx, ctx, user.id, args));
}
