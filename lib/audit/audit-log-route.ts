import "server-only";
import { describeAuditRows } from "@/lib/audit/describe-audit-rows";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { defineApiRoute, json } from "@/lib/http/api-route";

/**
 * The trail as the page shows it, for scripts: one page of 50, newest first, filters as on the
 * page (a bad filter is a 400, never an empty page), `before` from the last page's `nextBefore`.
 */
export const auditLogRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audit-log",
    summary: "A page of the audit trail: actions in words, entities named, changes field by field",
    tag: "Audit trail",
    permission: "audit-log:read",
    query: ZAuditFilter,
    response: {
      status: 200,
      description: "{ entries: [{ id, at, actor, action, words, entity, changes }], nextBefore }",
    },
  },
  async ({ query }) => {
    const { rows, nextBefore } = await listAuditLog(query);
    const entries = (await describeAuditRows(rows)).map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actorId ? { id: r.actorId, name: r.actor?.name ?? null, email: r.actor?.email ?? null } : null,
      action: r.action,
      words: r.words,
      entity: r.entity,
      changes: r.changes,
    }));
    return json({ entries, nextBefore });
  },
);
