import Link from "next/link";
import { AuditEntry } from "@/components/audit-log/audit-entry";
import { Card, Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ACTION_WORDS, ENTITY_WORDS } from "@/lib/audit/action-words";
import { describeAuditRows } from "@/lib/audit/describe-audit-rows";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "@/lib/audit/vocabulary";

export const metadata = { title: "Audit trail" };

/** Actions grouped by what they act on, each group selectable as a whole ("audit." = every audit action). */
const ACTION_GROUPS = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0] ?? a))].map((prefix) => ({
  prefix,
  actions: AUDIT_ACTIONS.filter((a) => a.startsWith(`${prefix}.`)),
}));

export default async function AuditLogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requirePagePermission("audit-log:read", "/admin/audit-log");
  const raw = await searchParams;
  const parsed = ZAuditFilter.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZAuditFilter.parse({});
  const { rows, nextBefore } = await listAuditLog(filter);
  const entries = await describeAuditRows(rows);
  const qs = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "before"),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit trail</h1>
      <Card title="Filter">
        <form method="get" className="grid gap-3 sm:grid-cols-3">
          <SelectField name="action" label="Action" compact defaultValue={raw.action ?? ""}>
            <option value="">Any action</option>
            {ACTION_GROUPS.map((g) => (
              <optgroup key={g.prefix} label={g.prefix}>
                <option value={`${g.prefix}.`}>Any {g.prefix} action</option>
                {g.actions.map((a) => (
                  <option key={a} value={a}>
                    {ACTION_WORDS[a]}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <Field name="actor" label="Person (name or e-mail)" compact defaultValue={raw.actor ?? ""} />
          {raw.actorId ? <input type="hidden" name="actorId" value={raw.actorId} /> : null}
          <SelectField name="entityType" label="Entity" compact defaultValue={raw.entityType ?? ""}>
            <option value="">Any entity</option>
            {AUDIT_ENTITY_TYPES.map((t) => (
              <option key={t} value={t}>
                {ENTITY_WORDS[t]}
              </option>
            ))}
          </SelectField>
          <Field name="entityId" label="Entity id" compact defaultValue={raw.entityId ?? ""} />
          <Field name="from" label="From" compact type="date" defaultValue={raw.from ?? ""} />
          <Field name="to" label="To" compact type="date" defaultValue={raw.to ?? ""} />
          <div className="flex flex-wrap items-end gap-3">
            <Button type="submit">Apply</Button>
            <Link className="text-sm text-brand-700 underline" href="/admin/audit-log">
              Clear
            </Link>
            <a className="text-sm text-brand-700 underline" href={`/api/v1/audit-log.csv?${qs.toString()}`}>
              Download CSV
            </a>
          </div>
        </form>
        {!parsed.success ? (
          <Notice tone="error">
            Some filters are not valid and were ignored:{" "}
            {parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}
          </Notice>
        ) : null}
        {filter.actorId ? (
          <p className="mt-2 text-sm">
            Showing one person&apos;s entries.{" "}
            <Link
              className="text-brand-700 underline"
              href={`/admin/audit-log?${new URLSearchParams([...qs].filter(([k]) => k !== "actorId")).toString()}`}
            >
              Everyone
            </Link>
          </p>
        ) : null}
      </Card>
      <Card>
        <ol className="divide-y" data-testid="audit-entries">
          {entries.map((r) => (
            <AuditEntry key={r.id.toString()} row={r} />
          ))}
        </ol>
        {entries.length === 0 ? <p className="py-4 text-sm text-muted">No entries match.</p> : null}
        {nextBefore ? (
          <Link
            className="mt-3 inline-block text-sm text-brand-700 underline"
            href={`/admin/audit-log?${qs.toString()}&before=${nextBefore}`}
          >
            Older entries
          </Link>
        ) : null}
      </Card>
    </div>
  );
}
