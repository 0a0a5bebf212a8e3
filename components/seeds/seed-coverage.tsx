import { Card } from "@/components/ui/notice";

type TCoverage = {
  total: number;
  types: { id: string; label: string }[];
  rows: { id: string; label: string; counts: number[] }[];
  views: { label: string; count: number }[];
  difficulties: { level: number; count: number }[];
};

/** Cells below this many seeds are highlighted as thin. */
const THIN = 2;

const tone = (n: number) => (n === 0 ? "bg-red-50 text-red-900" : n < THIN ? "bg-amber-50 text-amber-950" : "");

export function SeedCoverage({ data }: { data: TCoverage }) {
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Seed coverage</h1>
      <p className="text-sm text-slate-700">
        {data.total} seeds (not retired). Empty cells are red, cells with fewer than {THIN} seeds amber.
      </p>
      <Card title="Topic × type">
        <div className="overflow-x-auto">
          <table className="text-left text-xs" data-testid="coverage-matrix">
            <thead>
              <tr>
                <th scope="col" className="p-1">Topic</th>
                {data.types.map((t) => (
                  <th key={t.id} scope="col" className="p-1">{t.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.id} className="border-t">
                  <th scope="row" className="p-1 font-medium">{r.label}</th>
                  {r.counts.map((n, i) => (
                    <td key={data.types[i]?.id ?? i} className={`p-1 text-center ${tone(n)}`}>{n}</td>
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
              <li key={v.label} className={`flex justify-between px-1 ${tone(v.count)}`}>
                <span>{v.label}</span>
                <span>{v.count}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="By difficulty">
          <ul className="text-sm" data-testid="coverage-difficulty">
            {data.difficulties.map((d) => (
              <li key={d.level} className={`flex justify-between px-1 ${tone(d.count)}`}>
                <span>Level {d.level}</span>
                <span>{d.count}</span>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
