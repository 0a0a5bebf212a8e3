import { num, pct } from "@/components/studies/stats-tables";

type TJudgeAgreement = {
  judge: string;
  criterion: string;
  n: number;
  percentAgreement: number;
  cohenKappa: number;
};

const th = "py-1 pr-3 font-semibold";

/** Human–LLM-judge agreement per judge and criterion: can the judge stand in for the clinicians? */
export function JudgeAgreementTable({
  agreement,
  criteria,
}: {
  agreement: readonly TJudgeAgreement[];
  criteria: readonly { key: string; label: string }[];
}) {
  const label = (key: string) => criteria.find((c) => c.key === key)?.label ?? key;
  // Scrolls sideways on a phone: focusable, so a keyboard can scroll it too.
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Agreement with the judge">
      <table className="text-left text-sm" data-testid="judge-agreement">
        <thead className="border-b text-xs uppercase text-slate-600">
          <tr>
            <th scope="col" className={th}>
              Judge
            </th>
            <th scope="col" className={th}>
              Criterion
            </th>
            <th scope="col" className={th}>
              Percent agreement
            </th>
            <th scope="col" className={th}>
              Cohen’s κ
            </th>
            <th scope="col" className={th}>
              Human judgements compared
            </th>
          </tr>
        </thead>
        <tbody>
          {agreement.map((j) => (
            <tr key={`${j.judge}-${j.criterion}`} className="border-b">
              <td className="py-1 pr-3">{j.judge}</td>
              <td className="py-1 pr-3">{label(j.criterion)}</td>
              <td className="py-1 pr-3">{pct(j.percentAgreement)}</td>
              <td className="py-1 pr-3">{num(j.cohenKappa)}</td>
              <td className="py-1 pr-3">{j.n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-600">
        Both bad counts as a tie here, as an AlpacaEval judge has no “both bad”.
      </p>
    </div>
  );
}
