import Link from "next/link";
import { HeldBackCard } from "@/components/studies/held-back-card";
import { ProgressCard } from "@/components/studies/progress-card";
import { StudyExamples } from "@/components/studies/study-examples";
import { RatingsChart } from "@/components/studies/ratings-chart";
import { JudgeAgreementTable } from "@/components/studies/judge-agreement-table";
import { AgreementTable, PairsTable, pct } from "@/components/studies/stats-tables";
import { StoredExports } from "@/components/exports/stored-exports";
import { Card } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { judgeAgreement } from "@/lib/studies/judge-votes";
import { loadStudyOr404 } from "@/lib/studies/load-study-or-404";
import { studyQuality, studyStats, ZStatsFilter } from "@/lib/studies/study-stats";
import { studyExamples } from "@/lib/studies/study-examples";
import { DEFAULT_PROGRESS_WIDTH, ZProgressWidth } from "@/lib/studies/progress-verdict";
import { formatDuration } from "@/lib/text/format-duration";

export const metadata = { title: "Study results" };

type TSearch = Record<string, string | string[] | undefined>;

export default async function StudyResultsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<TSearch>;
}) {
  const { id } = await params;
  const user = await requirePagePermission("studies:results", `/studies/${id}/results`);
  const manage = hasPermission(user.role, "studies:manage");
  const study = await loadStudyOr404(id);
  const raw = Object.fromEntries(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const { width: widthRaw, ...filterRaw } = raw;
  const parsed = ZStatsFilter.safeParse(filterRaw);
  const filter = parsed.success ? parsed.data : ZStatsFilter.parse({});
  // A refused width is shown back with its error; the estimate falls back to the default.
  const widthParsed = widthRaw ? ZProgressWidth.safeParse(widthRaw) : null;
  const width = widthParsed?.success ? widthParsed.data : DEFAULT_PROGRESS_WIDTH;
  const widthErrors =
    widthParsed && !widthParsed.success ? widthParsed.error.issues.map((i) => i.message) : undefined;
  const [stats, quality, judges, examples] = await Promise.all([
    studyStats(id, filter, width),
    studyQuality(id),
    judgeAgreement(id),
    studyExamples(id),
  ]);
  const base = `/api/v1/studies/${id}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">Results: {study.name}</h1>
        <Link href={`/studies/${id}`} className="text-sm text-brand-700 underline">
          Study
        </Link>
      </div>
      <p className="text-sm text-slate-600">Raters see it as “{study.title}”.</p>
      <Card title="Filters">
        <form className="flex flex-wrap items-end gap-4 text-sm" method="get">
          <SelectField
            name="criterion"
            label="Criterion"
            compact
            defaultValue={filter.criterion ?? ""}
            options={[
              { value: "", label: "All" },
              ...study.criteria.map((c) => ({ value: c.key, label: c.label })),
            ]}
          />
          <Field
            name="raters"
            label="Raters (pseudonyms, comma-separated; empty: all)"
            compact
            defaultValue={filter.raters?.join(", ") ?? ""}
          />
          <CheckboxField
            name="excludeFailedAttention"
            value="1"
            defaultChecked={filter.excludeFailedAttention}
            label="Exclude raters who failed an attention check"
          />
          <CheckboxField
            name="excludeRevealing"
            value="1"
            defaultChecked={filter.excludeRevealing}
            label="Exclude outputs that name a model"
          />
          {widthParsed?.success ? <input type="hidden" name="width" value={String(width)} /> : null}
          <Button type="submit" variant="secondary" className="px-3 py-1">
            Apply
          </Button>
        </form>
      </Card>
      <Card title="Bradley–Terry ratings (Elo scale, 95% bootstrap intervals over prompts)">
        {stats.criteria.map((c) => {
          const ratings = stats.ratings.filter((r) => r.criterion === c.key);
          return ratings.length ? (
            <div key={c.key} className="mb-4">
              <h3 className="text-sm font-semibold">{c.label}</h3>
              <RatingsChart title={c.label} ratings={ratings} />
            </div>
          ) : (
            <p key={c.key} className="text-sm text-slate-600">
              {c.label}: no judgements yet.
            </p>
          );
        })}
      </Card>
      <ProgressCard
        criteria={stats.criteria}
        progress={stats.progress}
        width={width}
        widthInput={widthRaw ?? String(DEFAULT_PROGRESS_WIDTH)}
        widthErrors={widthErrors}
        keep={filterRaw}
        closed={study.status === "CLOSED"}
      />
      <Card title="Pairwise results">
        <PairsTable pairs={stats.pairs} />
      </Card>
      <HeldBackCard heldBack={stats.heldBack} />
      <Card title="Examples (the most-rated prompts)">
        <StudyExamples examples={examples} />
      </Card>
      <Card title="Agreement between raters">
        <AgreementTable agreement={stats.agreement} />
      </Card>
      <Card title="Position bias">
        <p className="text-sm" data-testid="position-bias">
          The left response won {pct(stats.positionBias.leftWinRate)} of decisive votes (95%{" "}
          {pct(stats.positionBias.ci[0])}–{pct(stats.positionBias.ci[1])}); 50% means no bias.
        </p>
      </Card>
      <Card title="Rater quality">
        <p className="mb-2 text-sm">Median time per judgement: {formatDuration(quality.medianDurationMs)}</p>
        <ul className="text-sm">
          {quality.attention.map((a) => (
            <li key={a.raterId}>
              {a.rater}: attention checks passed {a.passed}/{a.checks}
            </li>
          ))}
          {quality.consistency
            .filter((c) => c.repeats > 0)
            .map((c) => (
              <li key={`c-${c.raterId}`}>
                {c.rater}: consistent on {c.consistent}/{c.repeats} repeats
              </li>
            ))}
        </ul>
      </Card>
      <Card title="Agreement with LLM judges">
        {judges.length ? (
          <JudgeAgreementTable agreement={judges} criteria={study.criteria} />
        ) : (
          <p className="text-sm text-slate-600">
            No LLM judge imported yet{manage ? " (import one on the study page)" : ""}.
          </p>
        )}
      </Card>
      <Card title="Downloads">
        <ul className="space-y-1 text-sm">
          <li>
            <a href={`${base}/judgements.csv`} className="text-brand-700 underline" download>
              Judgements (CSV)
            </a>
          </li>
          {study.criteria.map((c) => (
            <li key={c.key}>
              {c.label}:{" "}
              <a
                href={`${base}/annotations.json?criterion=${encodeURIComponent(c.key)}`}
                className="text-brand-700 underline"
                download
              >
                AlpacaEval annotations
              </a>{" "}
              ·{" "}
              <a
                href={`${base}/dpo.jsonl?criterion=${encodeURIComponent(c.key)}`}
                className="text-brand-700 underline"
                download
              >
                DPO pairs
              </a>
            </li>
          ))}
        </ul>
        <StoredExports sourceType="study" sourceId={study.id} />
      </Card>
    </div>
  );
}
