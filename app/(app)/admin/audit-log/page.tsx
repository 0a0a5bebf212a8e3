import Link from "next/link";
import { Card, Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { requirePagePermission } from "@/lib/auth/current-user";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { ZAuditFilter } from "@/lib/audit/schemas";
import { subjectLabel } from "@/lib/audit/audit-subject";

export const metadata = { title: "Audit trail" };

const FILTERS = [
  { name: "action", label: "Action starts with", placeholder: "user." },
  { name: "actor", label: "Actor (name or e-mail)", placeholder: "" },
  { name: "entityType", label: "Entity type", placeholder: "user" },
  { name: "entityId", label: "Entity id", placeholder: "" },
  { name: "from", label: "From", placeholder: "2026-01-01", type: "date" },
  { name: "to", label: "To", placeholder: "2026-12-31", type: "date" },
] as const;

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
  const qs = new URLSearchParams(
    Object.entries(raw).filter((e): e is [string, string] => Boolean(e[1]) && e[0] !== "before"),
  );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audit trail</h1>
      <Card title="Filter">
        <form method="get" className="grid gap-3 sm:grid-cols-3">
          {FILTERS.map((f) => (
            <Field
              key={f.name}
              name={f.name}
              label={f.label}
              compact
              type={"type" in f ? f.type : "text"}
              defaultValue={raw[f.name] ?? ""}
              placeholder={f.placeholder}
            />
          ))}
          <div className="flex items-end gap-3">
            <Button type="submit">Apply</Button>
            <a className="text-sm text-brand-700 underline" href={`/api/v1/audit-log.csv?${qs.toString()}`}>
              Download CSV
            </a>
          </div>
        </form>
        {!parsed.success ? <Notice tone="error">Some filters are not valid and were ignored.</Notice> : null}
      </Card>
      <Card>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <thead className="border-b uppercase text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-2">
                  Time
                </th>
                <th scope="col" className="py-2 pr-2">
                  Actor
                </th>
                <th scope="col" className="py-2 pr-2">
                  Action
                </th>
                <th scope="col" className="py-2 pr-2">
                  Entity
                </th>
                <th scope="col" className="py-2 pr-2">
                  Change
                </th>
                <th scope="col" className="py-2 pr-2">
                  IP / request
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id.toString()} className="border-b align-top">
                  <td className="py-1 pr-2 whitespace-nowrap">
                    {r.at.toISOString().replace("T", " ").slice(0, 19)}
                  </td>
                  <td className="py-1 pr-2">
                    {r.actor ? (
                      <>
                        {r.actor.name}
                        <span className="block text-slate-600">{r.actor.email}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="py-1 pr-2 font-mono">{r.action}</td>
                  <td className="py-1 pr-2">
                    {r.entityType}
                    {r.entityId ? <span className="block font-mono text-slate-600">{r.entityId}</span> : null}
                    {r.subject ? <span className="block">{subjectLabel(r.subject)}</span> : null}
                  </td>
                  <td className="max-w-md py-1 pr-2 font-mono break-all">
                    {r.before !== null ? (
                      <span className="block text-red-800">− {JSON.stringify(r.before)}</span>
                    ) : null}
                    {r.after !== null ? (
                      <span className="block text-green-800">+ {JSON.stringify(r.after)}</span>
                    ) : null}
                  </td>
                  <td className="py-1 pr-2 font-mono text-slate-600">
                    {r.ip ?? ""}
                    <span className="block">{r.requestId?.slice(0, 8) ?? ""}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows.length === 0 ? <p className="py-4 text-sm text-slate-600">No entries match.</p> : null}
        </div>
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
