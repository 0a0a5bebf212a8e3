import { Card } from "@/components/ui/notice";
import type { loadCampaignReport } from "@/lib/audits/load-report";
import { formatDuration } from "@/lib/text/format-duration";

type TReportJson = Awaited<ReturnType<typeof loadCampaignReport>>;
type TEst =
  { estimate: number; lower: number; upper: number; successes?: number; n?: number } | null | undefined;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const interval = (e: TEst) => (e ? `${pct(e.estimate)} (95% CI ${pct(e.lower)}–${pct(e.upper)})` : "—");
const num = (x: number | null) => (x === null ? "—" : x.toFixed(2));

export function ReportView({ report }: { report: TReportJson }) {
  const r = report;
  return (
    <Card title="Results">
      <dl className="grid gap-2 text-sm sm:grid-cols-2" data-testid="report">
        <dt className="font-medium">Progress</dt>
        <dd>
          {r.progress.final} final · {r.progress.disputed} disputed · {r.progress.pending} pending ·{" "}
          {r.progress.goldItems} gold (excluded)
        </dd>
        <dt className="font-medium">Acceptance rate</dt>
        <dd data-testid="acceptance">{interval(r.acceptance)}</dd>
        <dt className="font-medium">Estimated bad records in the dataset</dt>
        <dd>
          {r.badRecords
            ? `${Math.round(r.badRecords.total.estimate)} of ${r.badRecords.population} (95% CI ${Math.round(r.badRecords.total.lower)}–${Math.round(r.badRecords.total.upper)})`
            : "—"}
        </dd>
        <dt className="font-medium">Verdict agreement</dt>
        <dd>
          α = {num(r.agreement.verdict.alpha)}, agreement{" "}
          {r.agreement.verdict.percentAgreement === null ? "—" : pct(r.agreement.verdict.percentAgreement)},{" "}
          {r.agreement.verdict.overlappingItems} overlapping items
        </dd>
      </dl>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="text-left font-medium">Error flags</caption>
        <thead>
          <tr>
            <th scope="col">Flag</th>
            <th scope="col">Rate</th>
            <th scope="col">α</th>
          </tr>
        </thead>
        <tbody>
          {r.flags.map((f) => (
            <tr key={f.key}>
              <td>{f.label}</td>
              <td>{"estimate" in f ? interval(f as TEst) : "—"}</td>
              <td>{num(r.agreement.flags.find((a) => a.key === f.key)?.alpha ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="mt-4 w-full text-left text-sm">
        <caption className="text-left font-medium">Reviewers</caption>
        <thead>
          <tr>
            <th scope="col">Reviewer</th>
            <th scope="col">Reviews</th>
            <th scope="col">Accepted</th>
            <th scope="col">Median time</th>
            <th scope="col">Gold accuracy</th>
          </tr>
        </thead>
        <tbody>
          {r.reviewers.map((x) => (
            <tr key={x.reviewer}>
              <td>{x.reviewer}</td>
              <td>{x.reviews}</td>
              <td>{x.accepted}</td>
              <td data-testid="median-time">{formatDuration(x.medianDurationMs)}</td>
              <td>{x.gold.accuracy === null ? "—" : `${pct(x.gold.accuracy)} of ${x.gold.n}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
