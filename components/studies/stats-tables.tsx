type TPair = {
  criterion: string;
  modelA: string;
  modelB: string;
  n: number;
  winsA: number;
  winsB: number;
  ties: number;
  bothBad: number;
  winRateA: number;
  standardError: number;
  wilson: readonly [number, number];
  signTestP: number;
};
type TAgreement = { criterion: string; krippendorffAlpha: number; percentAgreement: number; nItems: number };

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : "–");
const num = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : "–");
const pval = (p: number) => (!Number.isFinite(p) ? "–" : p < 0.001 ? "< 0.001" : p.toFixed(3));
const th = "py-1 pr-3 font-semibold";

export function PairsTable({ pairs }: { pairs: readonly TPair[] }) {
  // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Pairwise results">
      <table className="w-full text-left text-sm" data-testid="pairs-table">
        <thead className="border-b text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>
              Criterion
            </th>
            <th scope="col" className={th}>
              Model A
            </th>
            <th scope="col" className={th}>
              Model B
            </th>
            <th scope="col" className={th}>
              n
            </th>
            <th scope="col" className={th}>
              A wins
            </th>
            <th scope="col" className={th}>
              B wins
            </th>
            <th scope="col" className={th}>
              Ties
            </th>
            <th scope="col" className={th}>
              Both bad
            </th>
            <th scope="col" className={th}>
              A win rate
            </th>
            <th
              scope="col"
              className={th}
              title="Standard error of the win rate (sample standard deviation / √n, as AlpacaEval reports it)"
            >
              SE
            </th>
            <th scope="col" className={th}>
              95% Wilson (decisive)
            </th>
            <th scope="col" className={th}>
              Sign test p
            </th>
          </tr>
        </thead>
        <tbody>
          {pairs.map((p) => (
            <tr key={`${p.criterion}-${p.modelA}-${p.modelB}`} className="border-b">
              <td className="py-1 pr-3">{p.criterion}</td>
              <td className="py-1 pr-3">{p.modelA}</td>
              <td className="py-1 pr-3">{p.modelB}</td>
              <td className="py-1 pr-3">{p.n}</td>
              <td className="py-1 pr-3">{p.winsA}</td>
              <td className="py-1 pr-3">{p.winsB}</td>
              <td className="py-1 pr-3">{p.ties}</td>
              <td className="py-1 pr-3">{p.bothBad}</td>
              <td className="py-1 pr-3">{pct(p.winRateA)}</td>
              <td className="py-1 pr-3">{pct(p.standardError)}</td>
              <td className="py-1 pr-3">
                {pct(p.wilson[0])}–{pct(p.wilson[1])}
              </td>
              <td className="py-1 pr-3">{pval(p.signTestP)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function AgreementTable({ agreement }: { agreement: readonly TAgreement[] }) {
  // Scrolls inside itself on a phone instead of widening the page; focusable, so a keyboard can scroll it.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Rater agreement">
      <table className="text-left text-sm">
        <thead className="border-b text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>
              Criterion
            </th>
            <th scope="col" className={th}>
              Krippendorff’s α
            </th>
            <th scope="col" className={th}>
              Percent agreement
            </th>
            <th scope="col" className={th}>
              Comparisons with ≥ 2 raters
            </th>
          </tr>
        </thead>
        <tbody>
          {agreement.map((a) => (
            <tr key={a.criterion} className="border-b">
              <td className="py-1 pr-3">{a.criterion}</td>
              <td className="py-1 pr-3">{num(a.krippendorffAlpha)}</td>
              <td className="py-1 pr-3">{pct(a.percentAgreement)}</td>
              <td className="py-1 pr-3">{a.nItems}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export { pct, num };
