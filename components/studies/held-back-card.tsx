import { Card } from "@/components/ui/notice";
import type { THeldBack } from "@/lib/studies/held-back";
import { PromptWithContext } from "./prompt-with-context";

/** The comparisons raters were never handed because an output names its model: reported, not dropped. */
export function HeldBackCard({ heldBack }: { heldBack: THeldBack }) {
  if (heldBack.count === 0) return null;
  return (
    <Card title={`Held back from raters (${heldBack.count})`}>
      <p className="mb-2 text-sm text-slate-600" data-testid="held-back-count">
        {heldBack.count} comparisons were not handed out because an output names its model; the statistics
        above do not include them.
        {heldBack.count > heldBack.comparisons.length
          ? ` The first ${heldBack.comparisons.length} are listed.`
          : ""}
      </p>
      <ul className="space-y-1 text-sm" data-testid="held-back">
        {heldBack.comparisons.map((h) => (
          <li key={`${h.promptId}-${h.modelA}-${h.modelB}`} className="min-w-0">
            {h.modelA} vs {h.modelB} on <PromptWithContext prompt={h.prompt} context={h.context} />:{" "}
            <span className="text-slate-700">{h.revealing.join(" and ")} names a model</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
