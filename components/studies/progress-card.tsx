import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Card } from "@/components/ui/notice";
import { RatingsChart } from "@/components/studies/ratings-chart";
import {
  formatMoreNeeded,
  MAX_PROGRESS_WIDTH,
  MIN_PROGRESS_WIDTH,
  progressHeadline,
  progressState,
} from "@/lib/studies/progress-verdict";
import type { CriterionProgress, PairProgress } from "@/lib/stats";

const elo = (v: number) => (Number.isFinite(v) ? v.toFixed(0) : "–");
const th = "py-1 pr-3 font-semibold";

function PairRows({ pairs, label }: { pairs: readonly PairProgress[]; label: string }) {
  // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={label}>
      <table className="w-full text-left text-sm" data-testid="progress-table">
        <thead className="border-b text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>
              Order
            </th>
            <th scope="col" className={th}>
              Settled at 95%
            </th>
            <th scope="col" className={th}>
              Difference (95%)
            </th>
            <th scope="col" className={th}>
              Width
            </th>
            <th scope="col" className={th}>
              More judgements
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={`${p.higher}-${p.lower}`} className="border-b" data-testid="progress-row">
              <td className="py-1 pr-3">
                {p.higher} &gt; {p.lower}
              </td>
              <td className={p.settled ? "py-1 pr-3 text-success" : "py-1 pr-3 text-warning"}>
                {p.settled ? "Settled" : "Not yet"}
              </td>
              <td className="whitespace-nowrap py-1 pr-3">
                {elo(p.difference)} ({elo(p.ci[0])} to {elo(p.ci[1])})
              </td>
              <td className="py-1 pr-3">{elo(p.width)}</td>
              <td className="py-1 pr-3" data-testid="more-needed">
                {formatMoreNeeded(p.moreNeeded)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CriterionBlock({
  label,
  progress,
  closed,
}: {
  label: string;
  progress: CriterionProgress;
  closed: boolean;
}) {
  const adjacent = progress.pairs.filter((p) => p.adjacent);
  const state = progressState(progress.pairs);
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold">{label}</h3>
      <p className="text-sm" data-testid="progress-headline">
        {progressHeadline(state, {
          closed,
          settledPairs: adjacent.filter((p) => p.settled).length,
          adjacentPairs: adjacent.length,
          onlyPairSettled: adjacent[0]?.settled ?? false,
        })}{" "}
        From {progress.judgements} judgements.
      </p>
      {adjacent.length ? (
        <RatingsChart
          title={label}
          reference={0}
          keepOrder
          rowTestId="difference-row"
          label={`${label}: rating difference of each two models next to each other in the ranking, with 95% intervals; an interval clear of 0 is a settled order`}
          ratings={adjacent.map((p) => ({
            model: `${p.higher} > ${p.lower}`,
            rating: p.difference,
            ci: p.ci,
          }))}
        />
      ) : null}
      <PairRows pairs={adjacent} label={`${label}: models next to each other in the ranking`} />
      {progress.pairs.length > adjacent.length ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-brand-700">All {progress.pairs.length} model pairs</summary>
          <PairRows pairs={progress.pairs} label={`${label}: every model pair`} />
        </details>
      ) : null}
    </div>
  );
}

/**
 * "Are we done?": per criterion, whether each order of models adjacent in the ranking is settled at
 * 95%, and the judgements its interval still needs to reach the researcher's width. Everything comes
 * from the ratings' own bootstrap (studyStats), so nothing is resampled twice.
 */
export function ProgressCard({
  criteria,
  progress,
  width,
  widthInput,
  widthErrors,
  keep,
  closed,
}: {
  criteria: readonly { key: string; label: string }[];
  progress: readonly CriterionProgress[];
  width: number;
  /** What the researcher typed, shown back even when it was refused. */
  widthInput: string;
  widthErrors: string[] | undefined;
  /** The results' other search params, kept when the width changes. */
  keep: Record<string, string>;
  closed: boolean;
}) {
  return (
    <Card title="Are we done?">
      <form className="mb-3 flex flex-wrap items-end gap-3 text-sm" method="get">
        {Object.entries(keep).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <Field
          name="width"
          label="Target width of a difference's 95% interval (Elo points)"
          compact
          type="number"
          inputMode="decimal"
          min={MIN_PROGRESS_WIDTH}
          max={MAX_PROGRESS_WIDTH}
          step="any"
          defaultValue={widthInput}
          errors={widthErrors}
          wrapperClassName="w-full max-w-xs"
        />
        <Button type="submit" variant="secondary" className="px-3 py-1">
          Estimate
        </Button>
      </form>
      <p className="mb-3 text-xs text-muted" data-testid="progress-assumption">
        Estimate for a width of {elo(width)} Elo points: an interval narrows as 1/√n, so from width w after n
        judgements it takes n·(w/{elo(width)})² in all, if judgements keep arriving as they have (an upper
        estimate under adaptive allocation).
      </p>
      <div className="space-y-4">
        {criteria.map((c) => {
          const p = progress.find((x) => x.criterion === c.key);
          return p ? (
            <CriterionBlock key={c.key} label={c.label} progress={p} closed={closed} />
          ) : (
            <div key={c.key} className="space-y-1">
              <h3 className="text-sm font-semibold">{c.label}</h3>
              <p className="text-sm" data-testid="progress-headline">
                {progressHeadline("no-judgements", { closed })}
              </p>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
