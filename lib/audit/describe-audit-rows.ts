import "server-only";
import { db } from "@/lib/db/prisma";
import { actionWords, entityWords } from "@/lib/audit/action-words";
import { fieldChanges, type TFieldChange } from "@/lib/audit/field-changes";
import type { TResolvedAuditRow } from "@/lib/audit/resolve-people";
import { isUuid } from "@/lib/text/is-uuid";

/** What the trail shows of the entity a row is about, looked up now (rows hold ids only). */
export type TAuditEntity = {
  type: string;
  /** The entity type as a noun ("Audit campaign"). */
  kind: string;
  id: string | null;
  /** Its current name; null when it has none to show. */
  name: string | null;
  /** Where it lives in the app; null when it has no page or is gone. */
  href: string | null;
  state: "present" | "deleted" | "redacted";
};

export type TDescribedAuditRow = TResolvedAuditRow & {
  words: string;
  entity: TAuditEntity;
  changes: TFieldChange[];
};

type TFound = { name: string; href: string | null; redacted?: boolean };
type TLookup = (ids: string[]) => Promise<Map<string, TFound>>;

const short = (text: string, n = 60) => (text.length > n ? `${text.slice(0, n)}…` : text);

/**
 * One batched read per entity type on the page (never one per row). Types without a lookup
 * (sessions, routes, backups…) show their id only.
 */
const LOOKUPS: Partial<Record<string, TLookup>> = {
  audit_campaign: async (ids) =>
    new Map(
      (
        await db().auditCampaign.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      ).map((c) => [c.id, { name: c.name, href: `/audits/${c.id}` }]),
    ),
  audit_item: async (ids) =>
    new Map(
      (
        await db().auditItem.findMany({
          where: { id: { in: ids } },
          select: { id: true, ordinal: true, campaign: { select: { id: true, name: true } } },
        })
      ).map((i) => [
        i.id,
        { name: `Record ${i.ordinal} of ${i.campaign.name}`, href: `/audits/${i.campaign.id}` },
      ]),
    ),
  study: async (ids) =>
    new Map(
      (await db().study.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
        (s) => [s.id, { name: s.name, href: `/studies/${s.id}` }],
      ),
    ),
  dataset: async (ids) =>
    new Map(
      (await db().dataset.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
        (d) => [d.id, { name: d.name, href: `/datasets/${d.id}` }],
      ),
    ),
  seed: async (ids) =>
    new Map(
      (await db().seed.findMany({ where: { id: { in: ids } }, select: { id: true, instruction: true } })).map(
        (s) => [s.id, { name: short(s.instruction), href: `/seeds/${s.id}` }],
      ),
    ),
  vocabulary_term: async (ids) =>
    new Map(
      (
        await db().vocabularyTerm.findMany({ where: { id: { in: ids } }, select: { id: true, label: true } })
      ).map((t) => [t.id, { name: t.label, href: "/admin/vocabulary" }]),
    ),
  // Users are never deleted; a pseudonymised one shows as redacted (their name is the pseudonym).
  user: async (ids) =>
    new Map(
      (
        await db().user.findMany({
          where: { id: { in: ids } },
          select: { id: true, name: true, pseudonymisedAt: true },
        })
      ).map((u) => [
        u.id,
        { name: u.name, href: `/admin/audit-log?actorId=${u.id}`, redacted: u.pseudonymisedAt !== null },
      ]),
    ),
  api_token: async (ids) =>
    new Map(
      (await db().apiToken.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map(
        (t) => [t.id, { name: t.name, href: null }],
      ),
    ),
  webhook_endpoint: async (ids) =>
    new Map(
      (
        await db().webhookEndpoint.findMany({ where: { id: { in: ids } }, select: { id: true, url: true } })
      ).map((w) => [w.id, { name: w.url, href: "/admin/webhooks" }]),
    ),
};

export async function describeAuditRows(rows: readonly TResolvedAuditRow[]): Promise<TDescribedAuditRow[]> {
  const idsByType = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!r.entityId || !isUuid(r.entityId) || !LOOKUPS[r.entityType]) continue;
    const set = idsByType.get(r.entityType) ?? new Set<string>();
    set.add(r.entityId);
    idsByType.set(r.entityType, set);
  }
  const found = new Map<string, Map<string, TFound>>(
    await Promise.all(
      [...idsByType].map(async ([type, ids]) => [type, await (LOOKUPS[type] as TLookup)([...ids])] as const),
    ),
  );
  return rows.map((r) => {
    const byId = found.get(r.entityType);
    const hit = r.entityId ? byId?.get(r.entityId) : undefined;
    const entity: TAuditEntity = {
      type: r.entityType,
      kind: entityWords(r.entityType),
      id: r.entityId,
      name: hit?.name ?? null,
      href: hit?.href ?? null,
      state: hit ? (hit.redacted ? "redacted" : "present") : byId ? "deleted" : "present",
    };
    return { ...r, words: actionWords(r.action), entity, changes: fieldChanges(r.before, r.after) };
  });
}
