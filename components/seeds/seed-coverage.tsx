import { Card } from "@/components/ui/notice";
import type { TSeedCoverage } from "@/lib/seeds/seed-coverage";

// Thin spots are decided by seedCoverage (live terms only); retired and "(none)" buckets are shown, never flagged.
const tone = (n: number, thinBelow: number, flagged = true) =>
  !flagged
    ? "text-slate-600"
    : n === 0
      ? "bg-red-50 text-red-900"
      : n < thinBelow
        ? "bg-amber-50 text-amber-950"
        : "";

export function SeedCoverage({ data }: { data: TSeedCoverage }) {
  const which = data.statuses.length === 1 ? "approved" : "submitted and approved";
  const thinCount = data.thin.cells.length;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Seed coverage</h1>
      <p className="text-sm text-slate-700">
        {data.total} {which} seeds (drafts and seeds sent back for changes are not counted). Empty cells are
        red, cells with fewer than {data.thinBelow} seeds amber; seeds with a retired term are counted under
        the term that replaced it, or under the retired label. {thinCount} topic × type{" "}
        {thinCount === 1 ? "cell is" : "cells are"} thin.
      </p>
      <Card title="Topic × type">
        <div className="overflow-x-auto">
          <table className="text-left text-xs" data-testid="coverage-matrix">
            <thead>
              <tr>
                <th scope="col" className="p-1">
                  Topic
                </th>
                {data.types.map((t) => (
                  <th key={t.id} scope="col" className={`p-1 ${t.live ? "" : "italic"}`}>
                    {t.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} className="border-t">
                  <th scope="row" className={`p-1 font-medium ${r.live ? "" : "italic"}`}>
                    {r.label}
                  </th>
                  {r.counts.map((n, i) => (
                    <td
                      key={data.types[i]?.id ?? i}
                      className={`p-1 text-center ${tone(n, data.thinBelow, r.live && Boolean(data.types[i]?.live))}`}
                    >
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="By view">
          <ul className="text-sm">
            {data.views.map((v) => (
              <li key={v.id} className={`flex justify-between px-1 ${tone(v.count, data.thinBelow, v.live)}`}>
                <span>{v.label}</span>
                <span>{v.count}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="By difficulty">
          <ul className="text-sm" data-testid="coverage-difficulty">
            {data.difficulties.map((d) => (
              <li
                key={d.level ?? "none"}
                className={`flex justify-between px-1 ${tone(d.count, data.thinBelow, d.level !== null)}`}
              >
                <span>{d.level === null ? "Not rated" : `Level ${d.level}`}</span>
                <span>{d.count}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
