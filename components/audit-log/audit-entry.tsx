import Link from "next/link";
import { subjectLabel } from "@/lib/audit/audit-subject";
import type { TDescribedAuditRow } from "@/lib/audit/describe-audit-rows";

/**
 * One entry of the trail as a sentence ("Ana Lopez closed the audit campaign"), the entity it is
 * about (linked while it exists), and what changed as field: before → after. A list item, not a
 * table row, so it reflows to one column on a phone instead of scrolling sideways.
 */
export function AuditEntry({ row }: { row: TDescribedAuditRow }) {
  const { entity } = row;
  return (
    <li className="space-y-1 py-3 text-sm break-words" data-testid="audit-entry">
      <p>
        {row.actor ? (
          <Link
            href={`/admin/audit-log?actorId=${row.actorId ?? ""}`}
            className="font-medium text-brand-700 underline"
            title={row.actor.email ?? undefined}
          >
            {row.actor.name ?? "Unknown user"}
          </Link>
        ) : (
          <span className="font-medium">{row.actorId ? "Unknown user" : "The system"}</span>
        )}{" "}
        <span data-testid="audit-words">{row.words}</span>
      </p>
      <p className="text-muted">
        <span>{entity.kind}</span>
        {entity.name ? (
          <>
            {": "}
            {entity.href ? (
              <Link href={entity.href} className="text-brand-700 underline" data-testid="audit-entity-link">
                {entity.name}
              </Link>
            ) : (
              <span>{entity.name}</span>
            )}
          </>
        ) : null}
        {entity.state === "deleted" ? <span className="ml-1 italic">(deleted)</span> : null}
        {entity.state === "redacted" ? <span className="ml-1 italic">(pseudonymised)</span> : null}
        {row.subject && entity.type !== "user" ? (
          <span className="ml-1">· {subjectLabel(row.subject)}</span>
        ) : null}
        {row.subject && entity.type === "user" && row.subject.email ? (
          <span className="ml-1">· {row.subject.email}</span>
        ) : null}
      </p>
      {row.changes.length ? (
        <dl
          className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs"
          data-testid="audit-changes"
        >
          {row.changes.map((c) => (
            <div key={c.field} className="contents">
              <dt className="font-mono text-muted">{c.field}</dt>
              <dd className="min-w-0">
                {c.before !== null ? (
                  <del className="text-error">
                    <span className="sr-only">before: </span>
                    {c.before}
                  </del>
                ) : null}
                {c.before !== null && c.after !== null ? <span aria-hidden="true"> → </span> : null}
                {c.after !== null ? (
                  <ins className="text-success no-underline">
                    <span className="sr-only">after: </span>
                    {c.after}
                  </ins>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      <p className="text-xs text-muted">
        <time dateTime={row.at.toISOString()}>{row.at.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
        {row.entityId ? <span className="ml-2 font-mono">{row.entityId}</span> : null}
        {row.ip ? <span className="ml-2 font-mono">{row.ip}</span> : null}
        {row.requestId ? <span className="ml-2 font-mono">{row.requestId.slice(0, 8)}</span> : null}
      </p>
    </li>
  );
}
