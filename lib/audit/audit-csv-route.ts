import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditCsvStream } from "@/lib/audit/audit-csv";
import { actorWhere } from "@/lib/audit/list-audit-log";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { defineApiRoute } from "@/lib/http/api-route";
import { attachment } from "@/lib/http/attachment";

export const auditCsvRoute = defineApiRoute(
  {
    method: "GET",
    path: "/api/v1/audit-log.csv",
    summary: "Download the audit trail as CSV (RFC 4180, spreadsheet formulas neutralised)",
    tag: "Audit trail",
    permission: "audit-log:read",
    query: ZAuditFilter,
    response: { status: 200, contentType: "text/csv", description: "One row per audit entry, oldest first" },
  },
  async ({ user, query, ctx }) => {
    const { actor, ...rest } = query;
    await db().$transaction(async (tx) => {
      // The actor filter is part of someone's name or e-mail: recorded as the ids it matched.
      const actorIds = actor
        ? (
            await tx.user.findMany({ where: actorWhere(actor), select: { id: true }, orderBy: { id: "asc" } })
          ).map((u) => u.id)
        : undefined;
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "audit_log.export",
        entityType: "audit_log",
        after: {
          filter: JSON.parse(JSON.stringify(rest)) as Record<string, string>,
          ...(actorIds ? { actorIds } : {}),
        },
      });
    });
    return attachment(
      auditCsvStream(query),
      "text/csv; charset=utf-8",
      `clinreview-audit-${new Date().toISOString().slice(0, 10)}.csv`,
    );
  },
);
