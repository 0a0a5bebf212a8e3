import Link from "next/link";
import { hasPermission, ROLE_LABEL, type TPermission } from "@/lib/auth/permissions";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { SignOutButton } from "@/components/shell/sign-out-button";

const LINKS: { href: string; label: string; permission: TPermission }[] = [
  { href: "/", label: "Home", permission: "account:self" },
  { href: "/seeds", label: "Seeds", permission: "seeds:read" },
  { href: "/admin/users", label: "Users", permission: "users:manage" },
  { href: "/admin/audit-log", label: "Audit trail", permission: "audit-log:read" },
  { href: "/admin/vocabulary", label: "Vocabularies", permission: "vocab:manage" },
  { href: "/admin/phi", label: "PHI", permission: "phi:redact" },
  { href: "/admin/webhooks", label: "Webhooks", permission: "webhooks:manage" },
  { href: "/rate", label: "Rate", permission: "studies:rate" },
  { href: "/datasets", label: "Datasets", permission: "datasets:read" },
  // Reviewers (audits:review) and admins/researchers (audits:results): no role holds both.
  { href: "/audits", label: "Audits", permission: "audits:review" },
  { href: "/audits", label: "Audits", permission: "audits:results" },
  { href: "/studies", label: "Studies", permission: "studies:results" },
  { href: "/my-answers", label: "My answers", permission: "audits:review" },
  { href: "/account", label: "My account", permission: "account:self" },
];

export function AppNav({ user }: { user: TCurrentUser }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3"
      >
        <Link href="/" prefetch={false} className="text-lg font-bold text-brand-800">
          ClinReview
        </Link>
        <ul className="flex flex-wrap gap-4 text-sm">
          {LINKS.filter((l) => hasPermission(user.role, l.permission)).map((l) => (
            <li key={l.href}>
              {/* Every page here is rendered per request: prefetching each link (and the logo's)
                  rendered a dozen pages on the server after every page view (22 requests on
                  /admin/vocabulary), and they queued ahead of the next navigation. A click renders
                  the one page it opens. */}
              <Link
                href={l.href}
                prefetch={false}
                className="text-slate-700 hover:text-brand-700 hover:underline"
              >
                {l.label}
              </Link>
            </li>
          ))}
        </ul>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="text-slate-700">
            {user.name} · <span data-testid="current-role">{ROLE_LABEL[user.role]}</span>
            {user.isDemo ? (
              <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs text-amber-950">
                demo account
              </span>
            ) : null}
          </span>
          <SignOutButton />
        </div>
      </nav>
    </header>
  );
}
