import Link from "next/link";
import { GuidelinesEditor } from "@/components/guidelines/guidelines-editor";
import { ImportJudgeForm } from "@/components/studies/import-judge-form";
import { IdentityRevealingChoice } from "@/components/studies/identity-revealing-choice";
import { ImportOutputsForm } from "@/components/studies/import-outputs-form";
import { PromptWithContext } from "@/components/studies/prompt-with-context";
import { RatersForm } from "@/components/studies/raters-form";
import { StudyControls } from "@/components/studies/study-controls";
import { StudyTitleForm } from "@/components/studies/study-title-form";
import { Card } from "@/components/ui/notice";
import { requirePagePermission } from "@/lib/auth/current-user";
import { hasPermission } from "@/lib/auth/permissions";
import { listClinicians } from "@/lib/studies/list-clinicians";
import { loadStudyOr404 } from "@/lib/studies/load-study-or-404";

export const metadata = { title: "Study" };

export default async function StudyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePagePermission("studies:results", `/studies/${id}`);
  const study = await loadStudyOr404(id);
  const manage = hasPermission(user.role, "studies:manage");
  const p = study.progress;
  // Names of clinicians are for whoever manages the study; researchers see how many were named.
  const clinicians = manage ? await listClinicians() : [];
  const nameOf = new Map(clinicians.map((c) => [c.id, c.name]));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">{study.name}</h1>
        <span className="rounded bg-slate-100 px-2 py-0.5 text-sm" data-testid="study-status">
          {study.status}
        </span>
        <Link href={`/studies/${study.id}/results`} className="text-sm text-brand-700 underline">
          Results and downloads
        </Link>
      </div>
      <p className="text-sm" data-testid="study-title">
        Raters see this study as <span className="font-medium">“{study.title}”</span>; the name above is
        internal.
      </p>
      {manage && study.status !== "CLOSED" ? <StudyTitleForm studyId={study.id} title={study.title} /> : null}
      {manage ? (
        <Card title="Run">
          {study.status === "DRAFT" && study.revealsIdentityCount > 0 ? (
            <p className="mb-2 text-sm" data-testid="revealing-decision">
              {study.includeIdentityRevealing
                ? `The ${study.revealsIdentityCount} outputs that name a model will be shown to raters (you included them).`
                : `Comparisons with the ${study.revealsIdentityCount} outputs that name a model will be held back from raters (listed below).`}
            </p>
          ) : null}
          <StudyControls studyId={study.id} status={study.status} />
        </Card>
      ) : null}
      <Card title="Design">
        <dl className="grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
          <dt className="text-slate-600">Design</dt>
          <dd>
            {study.design === "vs_reference" ? `Each model against ${study.reference ?? ""}` : "All pairs"}
          </dd>
          <dt className="text-slate-600">Allocation</dt>
          <dd data-testid="study-allocation">
            {study.allocation === "adaptive"
              ? `Adaptive: settle the ${study.allocationGoal === "ratings" ? "ratings" : "ranking"}`
              : "Uniform"}
            {study.allocation === "adaptive" ? (
              <>
                {" · "}
                <a
                  href={`/api/v1/studies/${study.id}/allocation-log.csv`}
                  className="text-brand-700 underline"
                  download
                >
                  choice log (CSV)
                </a>
              </>
            ) : null}
          </dd>
          <dt className="text-slate-600">Criteria</dt>
          <dd>{study.criteria.map((c) => c.label).join(", ")}</dd>
          <dt className="text-slate-600">Ratings per comparison</dt>
          <dd>{study.ratingsPerComparison}</dd>
          <dt className="text-slate-600">Prompts</dt>
          <dd data-testid="study-prompts">{study.prompts}</dd>
        </dl>
      </Card>
      {manage ? (
        <Card title="Guidelines for raters">
          <GuidelinesEditor
            kind="study"
            ownerId={study.id}
            models={[...study.models.map((m) => m.model), ...(study.reference ? [study.reference] : [])]}
          />
        </Card>
      ) : null}
      <Card title="Models">
        <ul className="text-sm" data-testid="study-models">
          {study.models.map((m) => (
            <li key={m.model}>
              {m.model}: {m.outputs} outputs
            </li>
          ))}
        </ul>
      </Card>
      {manage && study.status === "DRAFT" ? (
        <Card title="Import outputs">
          <ImportOutputsForm studyId={study.id} />
        </Card>
      ) : null}
      <Card title="Raters">
        <p className="mb-2 text-sm" data-testid="study-raters">
          {study.raterIds.length === 0
            ? "Open to every clinician."
            : manage
              ? `Named raters only: ${study.raterIds
                  .map((id) => nameOf.get(id) ?? "an inactive user")
                  .sort()
                  .join(", ")}.`
              : `${study.raterIds.length} named raters only.`}
        </p>
        {manage && study.status !== "CLOSED" ? (
          <RatersForm studyId={study.id} clinicians={clinicians} selected={study.raterIds} />
        ) : null}
      </Card>
      <Card title="Progress">
        <p className="text-sm" data-testid="study-progress">
          {p.completedSlots} of {p.slots} ratings done ({p.claimedSlots - p.completedSlots} in progress)
          across {p.items} comparisons
          {study.comparisons.attention ? `, ${study.comparisons.attention} attention checks` : ""}
          {study.comparisons.repeat ? `, ${study.comparisons.repeat} repeats` : ""}.
        </p>
      </Card>
      <Card title={`Outputs that name a model (${study.revealsIdentityCount})`}>
        {study.revealsIdentityCount === 0 ? (
          <p className="text-sm text-slate-600" data-testid="revealing-outputs">
            No output names a model (“As ChatGPT…”, “I am Claude…”).
          </p>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-600" data-testid="revealing-status">
              Raters who read these could tell which model wrote them.{" "}
              {study.status === "DRAFT"
                ? study.includeIdentityRevealing
                  ? "You included them: they will be shown to raters."
                  : "Comparisons with them are held back from raters unless you include them before starting."
                : study.includeIdentityRevealing
                  ? "They were shown to raters."
                  : `They were held back: ${study.heldBackComparisons} comparisons were not handed out (listed in the results).`}{" "}
              {study.includeIdentityRevealing && study.status !== "DRAFT" ? (
                <Link
                  href={`/studies/${study.id}/results?excludeRevealing=1`}
                  className="text-brand-700 underline"
                >
                  Results without judgements on them
                </Link>
              ) : null}
              {study.revealsIdentityCount > study.revealsIdentity.length
                ? ` (the first ${study.revealsIdentity.length} are listed)`
                : ""}
            </p>
            <ul className="space-y-2 text-sm" data-testid="revealing-outputs">
              {study.revealsIdentity.map((r) => (
                <li key={r.outputId} className="min-w-0">
                  <span className="font-medium">{r.model}</span> on{" "}
                  <PromptWithContext prompt={r.prompt} context={r.context} />:{" "}
                  <span className="text-slate-700">{r.excerpt}</span>
                </li>
              ))}
            </ul>
            {manage && study.status === "DRAFT" ? (
              <IdentityRevealingChoice
                studyId={study.id}
                include={study.includeIdentityRevealing}
                count={study.revealsIdentityCount}
              />
            ) : null}
          </>
        )}
      </Card>
      {manage && study.status !== "DRAFT" ? (
        <Card title="Compare an LLM judge">
          <p className="mb-2 text-sm text-slate-600">
            Upload a judge’s AlpacaEval annotations for these prompts and models; its agreement with the
            clinicians (percent agreement, Cohen’s κ) appears on the{" "}
            <Link href={`/studies/${study.id}/results`} className="text-brand-700 underline">
              results page
            </Link>
            .
          </p>
          <ImportJudgeForm studyId={study.id} criteria={study.criteria} />
        </Card>
      ) : null}
    </div>
  );
}
