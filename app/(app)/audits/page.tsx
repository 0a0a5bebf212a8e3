import { randomInt } from "node:crypto";
import Link from "next/link";
import { CreateCampaignForm } from "@/components/audits/create-campaign-form";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listCampaigns } from "@/lib/audits/get-campaign";
import { listDatasets } from "@/lib/datasets/list-datasets";

export const metadata = { title: "Audits" };

export default async function AuditsPage() {
  const user = await requirePagePermission(["audits:review", "audits:manage", "audits:results"], "/audits");
  const can = (p: Parameters<typeof hasPermission>[1]) => hasPermission(user.role, p);
  // A reviewer sees only the campaigns open to them (named reviewers, lib/audits/campaign-reviewers.ts).
  const reviewerOnly = can("audits:review") && !can("audits:results");
  const campaigns = (await listCampaigns(reviewerOnly ? user.id : undefined)).filter(
    (c) => !can("audits:review") || can("audits:results") || c.status === "ACTIVE",
  );
  const datasets = can("audits:manage") ? await listDatasets() : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Audits</h1>
      {can("audits:manage") ? (
        <Card title="Start a campaign">
          {datasets.length ? (
            <CreateCampaignForm
              datasets={datasets.map((d) => ({ id: d.id, name: d.name, fields: d.fields }))}
              defaultSeed={String(randomInt(1_000_000_000))}
            />
          ) : (
            <p className="text-sm">
              Import a dataset first on{" "}
              <Link href="/datasets" className="underline">
                Datasets
              </Link>
              .
            </p>
          )}
        </Card>
      ) : null}
      <Card title="Campaigns">
        <ul className="divide-y text-sm">
          {campaigns.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-3 py-2" data-testid="campaign-row">
              <span className="font-medium">{c.name}</span>
              <span className="text-slate-600">
                {c.dataset} · {c.sampleSize} items × {c.reviewersPerItem} reviewers · {c.status.toLowerCase()}
              </span>
              {can("audits:review") && c.status === "ACTIVE" ? (
                <Link href={`/audits/${c.id}/review`} className="text-brand-700 underline">
                  Review
                </Link>
              ) : null}
              {can("audits:results") ? (
                <Link href={`/audits/${c.id}`} className="text-brand-700 underline">
                  Report
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
