import "server-only";
import { hasPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { db } from "@/lib/db/prisma";
import { forbidden } from "@/lib/errors/app-error";
import { detectPhi, phiKindLabel, type PhiFinding } from "@/lib/phi";
import { phiFingerprint } from "./fingerprint";
import { isLegacyFingerprint } from "./keyed-fingerprint";
import { contextSnippet, type TContextSnippet } from "./context-snippet";
import { CONFIRMATIONS_PAGE_SIZE, type TConfirmationListQuery } from "./schemas";
import { WRITTEN_ENTITIES, type TWrittenEntityState } from "./written-entities";

type TPerson = { id: string; name: string } | null;

export type TConfirmationRow = {
  id: string;
  entityType: string;
  entityId: string;
  field: string;
  kind: string;
  kindLabel: string;
  confirmedBy: TPerson;
  confirmedAt: Date;
  redactedBy: TPerson;
  redactedAt: Date | null;
  /** Where the identifier is in the text as stored now; null once it is no longer there. */
  context: TContextSnippet | null;
};

/**
 * "Not PHI" confirmations, newest first, one page at a time. The context is found again in the
 * current text by fingerprint (the confirmation never holds the literal), so it shows what is
 * stored now: after a redaction or an edit the identifier is gone and so is the context.
 */
export async function listPhiConfirmations(user: TCurrentUser, query: TConfirmationListQuery) {
  if (!hasPermission(user.role, "phi:redact")) throw forbidden();
  const [total, rows] = await Promise.all([
    db().phiConfirmation.count(),
    db().phiConfirmation.findMany({
      orderBy: [{ confirmedAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * CONFIRMATIONS_PAGE_SIZE,
      take: CONFIRMATIONS_PAGE_SIZE,
    }),
  ]);
  const states = new Map<string, TWrittenEntityState | null>();
  for (const r of rows) {
    const key = `${r.entityType}\u0000${r.entityId}`;
    if (states.has(key)) continue;
    const entity = Object.hasOwn(WRITTEN_ENTITIES, r.entityType) ? WRITTEN_ENTITIES[r.entityType] : undefined;
    states.set(key, entity ? await entity.load(db(), r.entityId) : null);
  }
  const ids = [
    ...new Set(rows.flatMap((r) => (r.redactedById ? [r.confirmedById, r.redactedById] : [r.confirmedById]))),
  ];
  const people = new Map(
    (await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u,
    ]),
  );

  const items: TConfirmationRow[] = rows.map((r) => {
    const text = states.get(`${r.entityType}\u0000${r.entityId}`)?.fields[r.field] ?? null;
    // A legacy (unkeyed, replaced) fingerprint shows the first identifier of its kind: what redacting it would take out.
    const matches = (f: PhiFinding) =>
      isLegacyFingerprint(r.fingerprint)
        ? f.kind === r.kind
        : phiFingerprint(f.kind, f.text) === r.fingerprint;
    const found = text ? detectPhi(text).find(matches) : undefined;
    return {
      id: r.id,
      entityType: r.entityType,
      entityId: r.entityId,
      field: r.field,
      kind: r.kind,
      kindLabel: phiKindLabel(r.kind),
      confirmedBy: people.get(r.confirmedById) ?? null,
      confirmedAt: r.confirmedAt,
      redactedBy: r.redactedById ? (people.get(r.redactedById) ?? null) : null,
      redactedAt: r.redactedAt,
      context: text && found ? contextSnippet(text, found.start, found.end) : null,
    };
  });
  return { items, page: query.page, pageSize: CONFIRMATIONS_PAGE_SIZE, total };
}
