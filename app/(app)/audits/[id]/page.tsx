import { AdjudicateForm, CampaignControls } from "@/components/audits/campaign-actions";
import { DisputedRecord } from "@/components/audits/disputed-record";
import { FlagsEditor } from "@/components/audits/flags-editor";
import { GuidelinesEditor } from "@/components/guidelines/guidelines-editor";
import { ReviewersForm } from "@/components/audits/reviewers-form";
import { ReportView } from "@/components/audits/report-view";
import { StoredExports } from "@/components/exports/stored-exports";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listCampaignReviewers } from "@/lib/audits/campaign-reviewers";
import { flagLabels } from "@/lib/audits/flags";
import { getCampaign } from "@/lib/audits/get-campaign";
import { listDisagreements } from "@/lib/audits/list-disagreements";
import { loadCampaignReport } from "@/lib/audits/load-report";
import { ZCampaignParams } from "@/lib/audits/schemas";
import { findOr404, parseOr404 } from "@/lib/http/find-or-404";

export const metadata = { title: "Audit report" };

export default async function AuditReportPage(props: { params: Promise<{ id: string }> }) {
  const { id } = parseOr404(ZCampaignParams, await props.params);
  const user = await requirePagePermission("audits:results", `/audits/${id}`);
  const campaign = await findOr404(getCampaign(id));
  const report = await loadCampaignReport(id);
  const admin = hasPermission(user.role, "audits:manage");
  const disagreements = admin ? await listDisagreements(id) : [];
  const reviewers = admin && campaign.status !== "CLOSED" ? await listCampaignReviewers(id) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{campaign.name}</h1>
      <Card title="Campaign">
        <p className="text-sm" data-testid="campaign-status">
          {campaign.status.toLowerCase()} · dataset {campaign.dataset.name} · {campaign.sampleSize} sampled
          {campaign.strata ? ` (stratified by ${campaign.strata})` : ""} · seed {campaign.seed} ·{" "}
          {campaign.reviewersPerItem} reviewers per item · {campaign.progress.completedReviews}/
          {campaign.progress.slots} reviews
        </p>
        <ul className="mt-2 text-sm">
          {campaign.progress.perReviewer.map((r) => (
            <li key={r.reviewer}>
              {r.reviewer}: {r.submitted} submitted{r.inProgress ? `, ${r.inProgress} in progress` : ""}
            </li>
          ))}
        </ul>
        {admin ? (
          <div className="mt-3">
            <CampaignControls id={id} status={campaign.status} />
          </div>
        ) : null}
        <p className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <a href={`/api/v1/audits/${id}/reviews.csv`} className="text-brand-700 underline" download>
            reviews.csv
          </a>
          <a
            href={`/api/v1/audits/${id}/export`}
            className="text-brand-700 underline"
            data-testid="export-link"
            download
          >
            Curated export (JSONL)
          </a>
          <a
            href={`/api/v1/audits/${id}/export?bundle=1`}
            className="text-brand-700 underline"
            data-testid="export-bundle-link"
            download
          >
            Curated export bundle (zip: file, manifest, card)
          </a>
          <a href={`/api/v1/audits/${id}/report`} className="text-brand-700 underline" download>
            Report JSON
          </a>
        </p>
        <StoredExports sourceType="audit_campaign" sourceId={id} />
      </Card>
      {admin && campaign.status !== "CLOSED" ? (
        <Card title="Error flags">
          <FlagsEditor campaignId={id} flags={campaign.flags} />
        </Card>
      ) : null}
      {admin ? (
        <Card title="Guidelines for reviewers">
          <GuidelinesEditor kind="audit" ownerId={id} />
        </Card>
      ) : null}
      {reviewers ? (
        <Card title="Reviewers">
          <ReviewersForm campaignId={id} initial={reviewers} />
        </Card>
      ) : null}
      <ReportView report={report} />
      {admin ? (
        <Card title={`Disagreements (${disagreements.length})`}>
          <ul className="space-y-4">
            {disagreements.map((d) => (
              <li key={d.itemId} className="rounded border p-3 text-sm" data-testid="disagreement">
                <DisputedRecord
                  instruction={d.instruction}
                  output={d.output}
                  context={d.context}
                  contextPhiSpans={d.contextPhiSpans}
                />
                <p className="mt-1 text-xs text-slate-600">{d.reason}</p>
                <ul className="mt-1">
                  {d.reviews.map((r, i) => (
                    <li key={i} className="whitespace-pre-wrap break-words">
                      {r.reviewer}: {r.verdict}
                      {r.flags.length ? ` [${flagLabels(r.flags, campaign.flags).join(", ")}]` : ""}
                      {r.correctedOutput ? ` → ${r.correctedOutput}` : ""}
                      {r.rationale ? ` (${r.rationale})` : ""}
                    </li>
                  ))}
                </ul>
                {d.adjudicated ? (
                  <p className="mt-1 text-success">Final: {d.adjudicated.verdict}</p>
                ) : (
                  <AdjudicateForm
                    campaignId={id}
                    itemId={d.itemId}
                    output={d.reviews.find((r) => r.correctedOutput)?.correctedOutput ?? d.output}
                    baselines={[
                      d.output,
                      ...d.reviews.flatMap((r) => (r.correctedOutput ? [r.correctedOutput] : [])),
                    ]}
                    flags={campaign.flags}
                  />
                )}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
