import Link from "next/link";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";

export const metadata = { title: "Home" };

type TTile = { title: string; text: string; href?: string; show: boolean };

export default async function HomePage() {
  const user = await requirePagePermission("account:self", "/");
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(user.role, p);
  const tiles: TTile[] = [
    { title: "Write and review seed tasks", text: "Author clinician seed tasks and review your peers' submissions.", href: "/seeds", show: can("seeds:write") },
    { title: "Audit generated data", text: "Work through your audit queue: accept, reject or correct generated samples.", href: "/audits", show: can("audits:review") },
    { title: "Audit campaigns", text: "Import generated data, sample it, follow progress and read the quality report.", href: "/audits", show: can("audits:results") },
    { title: "Rate model outputs", text: "Compare two blinded responses on correctness and helpfulness.", href: "/rate", show: can("studies:rate") },
    { title: "Manage users", text: "Invite colleagues, change roles, disable departed accounts.", href: "/admin/users", show: can("users:manage") },
    { title: "Audit trail", text: "Every change, sign-in and export, filterable and downloadable.", href: "/admin/audit-log", show: can("audit-log:read") },
    { title: "Results and downloads", text: "Quality reports, preference statistics and raw downloads.", show: can("studies:results") },
    { title: "API tokens", text: "Create personal tokens for pipelines calling /api/v1.", href: "/account", show: true },
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Welcome, {user.name}</h1>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiles
          .filter((t) => t.show)
          .map((t) => (
            <li key={t.title}>
              <Card title={t.title}>
                <p className="text-sm text-slate-700">{t.text}</p>
                {t.href ? (
                  <Link href={t.href} className="mt-3 inline-block text-sm font-medium text-brand-700 underline">
                    Open
                  </Link>
                ) : (
                  <p className="mt-3 text-xs text-slate-500">Coming in this release series.</p>
                )}
              </Card>
            </li>
          ))}
      </ul>
    </div>
  );
}
