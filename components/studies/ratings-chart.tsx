type TRating = { model: string; rating: number; ci: readonly [number, number] };

// Keep in step with the max-w-[640px] class on the svg.
const W = 640;
const ROW = 34;
const LEFT = 170;
const RIGHT = 30;
const TOP = 24;

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");

/**
 * Bradley–Terry ratings (Elo scale) as dots with interval whiskers, drawn as React SVG elements on
 * the server. Also draws rating differences ("are we done?"): `reference` 0 instead of the mean
 * rating 1000, rows in the order given, its own accessible name and row test id (its rows are
 * differences, not ratings).
 */
export function RatingsChart({
  title,
  ratings,
  reference = 1000,
  label,
  keepOrder = false,
  rowTestId = "rating-row",
}: {
  title: string;
  ratings: readonly TRating[];
  reference?: number;
  label?: string;
  keepOrder?: boolean;
  rowTestId?: string;
}) {
  const name = label ?? `Bradley–Terry ratings for ${title} with 95% intervals`;
  const finite = ratings.flatMap((r) => [r.rating, r.ci[0], r.ci[1]]).filter(Number.isFinite);
  const lo = Math.floor((Math.min(reference, ...finite) - 20) / 50) * 50;
  const hi = Math.ceil((Math.max(reference, ...finite) + 20) / 50) * 50;
  const x = (v: number) => LEFT + ((v - lo) / (hi - lo || 1)) * (W - LEFT - RIGHT);
  const height = TOP + ratings.length * ROW + 30;
  const ticks = Array.from({ length: Math.floor((hi - lo) / 50) + 1 }, (_, i) => lo + i * 50).filter(
    (_, i, all) => all.length <= 12 || i % 2 === 0,
  );
  const sorted = keepOrder ? ratings : [...ratings].sort((a, b) => b.rating - a.rating);
  return (
    <figure className="overflow-x-auto">
      {/* No style attribute: the nonce CSP (no 'unsafe-inline' styles) would block it; the class caps the width at W. */}
      {/* aria-label, not aria-labelledby: an id built from a criterion label with a space ("Clinical
          safety") would be two ID references, neither existing, and the chart would have no name. */}
      <svg
        role="img"
        aria-label={name}
        viewBox={`0 0 ${W} ${height}`}
        width="100%"
        className="max-w-[640px] text-slate-900"
      >
        <title>{name}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 8} y2={height - 24} stroke="#e2e8f0" />
            <text x={x(t)} y={height - 8} fontSize={11} textAnchor="middle" fill="#475569">
              {t}
            </text>
          </g>
        ))}
        <line
          x1={x(reference)}
          x2={x(reference)}
          y1={TOP - 8}
          y2={height - 24}
          stroke="#94a3b8"
          strokeDasharray="4 3"
        />
        {sorted.map((r, i) => {
          const y = TOP + i * ROW + ROW / 2;
          return (
            <g key={r.model} data-testid={rowTestId}>
              <text x={LEFT - 10} y={y + 4} fontSize={12} textAnchor="end">
                {r.model.length > 24 ? `${r.model.slice(0, 23)}…` : r.model}
              </text>
              {Number.isFinite(r.ci[0]) && Number.isFinite(r.ci[1]) ? (
                <>
                  <line x1={x(r.ci[0])} x2={x(r.ci[1])} y1={y} y2={y} stroke="#1e40af" strokeWidth={2} />
                  <line
                    x1={x(r.ci[0])}
                    x2={x(r.ci[0])}
                    y1={y - 6}
                    y2={y + 6}
                    stroke="#1e40af"
                    strokeWidth={2}
                  />
                  <line
                    x1={x(r.ci[1])}
                    x2={x(r.ci[1])}
                    y1={y - 6}
                    y2={y + 6}
                    stroke="#1e40af"
                    strokeWidth={2}
                  />
                </>
              ) : null}
              <circle cx={x(r.rating)} cy={y} r={5} fill="#1e3a8a">
                <title>{`${r.model}: ${fmt(r.rating)} (95% ${fmt(r.ci[0])}–${fmt(r.ci[1])})`}</title>
              </circle>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
