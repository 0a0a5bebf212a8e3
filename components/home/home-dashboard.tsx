import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/notice";
import type { THomeSummary, TQueueWork } from "@/lib/users/home-summary";

const LINK = "font-medium text-brand-700 underline";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Stat({ n, label, href }: { n: number; label: string; href?: string }) {
  const body = (
    <>
      <span className="block text-2xl font-bold text-slate-900">{n}</span>
      <span className="text-sm text-slate-700">{label}</span>
    </>
  );
  return (
    <li>
      {href ? (
        <Link href={href} className="block rounded-md p-1 hover:bg-slate-50 focus:outline-2">
          {body}
        </Link>
      ) : (
        body
      )}
    </li>
  );
}

function Stats({ children }: { children: ReactNode }) {
  return <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">{children}</ul>;
}

function QueueList({
  items,
  empty,
  href,
  unit,
}: {
  items: TQueueWork[];
  empty: string;
  href: (id: string) => string;
  unit: string;
}) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="divide-y text-sm">
      {items.map((q) => (
        <li key={q.id} className="flex flex-wrap items-baseline gap-x-3 py-2" data-testid="home-queue">
          {q.paused ? (
            <span className="font-medium">{q.name}</span>
          ) : (
            <Link href={href(q.id)} className={LINK}>
              {q.name}
            </Link>
          )}
          <span className="text-slate-700">
            {q.paused ? "paused · " : ""}
            {q.remaining > 0 ? `${plural(q.remaining, unit)} left for you` : "nothing left for you"} ·{" "}
            {q.done} done
          </span>
        </li>
      ))}
    </ul>
  );
}

function Listed({
  rows,
  href,
  empty,
}: {
  rows: { id: string; name: string; status: string; completed?: number; slots?: number }[];
  href: (id: string) => string;
  empty: string;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="space-y-1 text-sm">
      {rows.map((r) => (
        <li key={r.id}>
          <Link href={href(r.id)} className={LINK}>
            {r.name}
          </Link>{" "}
          <span className="text-slate-600">
            {r.status.toLowerCase()}
            {r.slots ? ` · ${r.completed ?? 0} of ${r.slots} done` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The home page body: only the sections the summary carries, each the caller's own work. */
export function HomeDashboard({ summary }: { summary: THomeSummary }) {
  const { seedWork, auditWork, ratingWork, adminOverview, results } = summary;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {seedWork ? (
        <Card title="Seed tasks">
          <Stats>
            <Stat n={seedWork.drafts} label="your drafts" href="/seeds?status=DRAFT" />
            <Stat
              n={seedWork.changesRequested}
              label="returned to you for changes"
              href="/seeds?status=CHANGES_REQUESTED"
            />
            <Stat n={seedWork.submitted} label="yours in review" />
            <Stat n={seedWork.awaitingReview} label="awaiting your review" href="/seeds?review=mine" />
          </Stats>
          <Link href="/seeds/new" className={`mt-3 inline-block text-sm ${LINK}`}>
            Write a seed task
          </Link>
        </Card>
      ) : null}
      {auditWork ? (
        <Card title="Audit campaigns">
          <QueueList
            items={auditWork}
            unit="item"
            empty="No audit campaign is running."
            href={(id) => `/audits/${id}/review`}
          />
        </Card>
      ) : null}
      {ratingWork ? (
        <Card title="Studies to rate">
          <QueueList
            items={ratingWork}
            unit="comparison"
            empty="No study is open to you right now."
            href={(id) => `/rate/${id}`}
          />
        </Card>
      ) : null}
      {adminOverview ? (
        <>
          <Card title="Imports">
            <Stats>
              <Stat n={adminOverview.imports.inProgress} label="imports in progress" href="/datasets" />
              <Stat
                n={adminOverview.imports.awaitingCampaign}
                label="datasets without a campaign"
                href="/audits"
              />
            </Stats>
          </Card>
          <Card title="Users">
            <Stats>
              <Stat n={adminOverview.users.active} label="active" href="/admin/users" />
              <Stat n={adminOverview.users.pendingInvites} label="invitations pending" href="/admin/users" />
              <Stat n={adminOverview.users.disabled} label="disabled" />
            </Stats>
            <Link href="/admin/audit-log" className={`mt-3 inline-block text-sm ${LINK}`}>
              Audit trail
            </Link>
          </Card>
          <Card
            title={`Audit campaigns (${adminOverview.campaigns.active} active, ${adminOverview.campaigns.paused} paused)`}
          >
            <Listed
              rows={adminOverview.campaigns.recent}
              href={(id) => `/audits/${id}`}
              empty="No campaign is running."
            />
          </Card>
          <Card
            title={`Studies (${adminOverview.studies.draft} draft, ${adminOverview.studies.active} active, ${adminOverview.studies.paused} paused)`}
          >
            <Listed
              rows={adminOverview.studies.recent}
              href={(id) => `/studies/${id}`}
              empty="No study is in preparation or running."
            />
          </Card>
        </>
      ) : null}
      {results ? (
        <>
          <Card title="Audit reports">
            <Listed rows={results.audits} href={(id) => `/audits/${id}`} empty="No audit campaign yet." />
          </Card>
          <Card title="Study results">
            <Listed
              rows={results.studies}
              href={(id) => `/studies/${id}/results`}
              empty="No study has started yet."
            />
          </Card>
        </>
      ) : null}
      <Card title="API tokens">
        <p className="text-sm text-slate-700">Create personal tokens for pipelines calling /api/v1.</p>
        <Link href="/account" className={`mt-3 inline-block text-sm ${LINK}`}>
          My account
        </Link>
      </Card>
    </div>
  );
}
