import { ReviewWorkspace } from "@/components/audits/review-workspace";
import { GuidelinesGate } from "@/components/guidelines/guidelines-gate";
import { requirePagePermission } from "@/lib/auth/current-user";
import { ZCampaignParams } from "@/lib/audits/schemas";
import { parseOr404 } from "@/lib/http/find-or-404";

export const metadata = { title: "Review" };

export default async function ReviewPage(props: { params: Promise<{ id: string }> }) {
  const { id } = parseOr404(ZCampaignParams, await props.params);
  await requirePagePermission("audits:review", `/audits/${id}/review`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit review</h1>
      <p className="kbd-hint text-sm text-slate-600">
        Keys: <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>e</kbd> edit the output · <kbd>1</kbd>–
        <kbd>9</kbd> flags · <kbd>Enter</kbd> submit · <kbd>s</kbd> skip
      </p>
      <GuidelinesGate kind="audit" ownerId={id}>
        <ReviewWorkspace campaignId={id} />
      </GuidelinesGate>
    </div>
  );
}
