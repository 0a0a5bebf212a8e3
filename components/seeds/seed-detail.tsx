import "server-only";
import { PhiMarkedText } from "@/components/phi/phi-marked-text";
import { Card, Notice } from "@/components/ui/notice";
import { hasPermission } from "@/lib/auth/permissions";
import { phiKindLabel } from "@/lib/phi/labels";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { findOr404 } from "@/lib/http/find-or-404";
import { getSeed } from "@/lib/seeds/get-seed";
import { seedPhiSpans } from "@/lib/seeds/phi-spans";
import { listRetiredTerms, listTerms } from "@/lib/vocabulary/list-terms";
import { PhiFindingActions } from "./phi-finding-actions";
import { restoreDraft } from "./restore-draft";
import { RetireButton } from "./retire-button";
import { ReviewPanel } from "./review-panel";
import { SeedEditor, type TEditorFields } from "./seed-editor";
import { SeedHistory } from "./seed-history";
import { SeedStatusBadge } from "./seed-status-badge";

const EDITABLE = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"];

/** Live terms, plus any retired term this seed already has: it stays selectable here only. */
async function editorTerms(c: { topicId: string | null; viewId: string | null; typeId: string | null }) {
  const [live, retired] = await Promise.all([listTerms(), listRetiredTerms()]);
  const kept = retired.filter((t) => t.id === c.topicId || t.id === c.viewId || t.id === c.typeId);
  return [...live, ...kept.map((t) => ({ ...t, label: `${t.label} (retired)` }))];
}

function editorFields(c: Awaited<ReturnType<typeof getSeed>>["current"]): TEditorFields {
  return {
    topicId: c.topicId ?? "",
    viewId: c.viewId ?? "",
    typeId: c.typeId ?? "",
    instruction: c.instruction,
    input: c.input,
    difficulty: c.difficulty ? String(c.difficulty) : "",
    referenceAnswer: c.referenceAnswer,
    specialtyTags: c.specialtyTags.join(", "),
    authorNotes: c.authorNotes,
    duplicateReason: c.duplicateReason,
  };
}

export async function SeedDetail({
  user,
  id,
  savedVersion,
}: {
  user: TCurrentUser;
  id: string;
  savedVersion?: number;
}) {
  const seed = await findOr404(getSeed(user, id));
  const isAuthor = seed.authorId === user.id;
  // Mirrors revisionRight: nobody else could answer a change request on a seed whose author
  // cannot write (an importing admin), so any clinician may revise it, becoming its author.
  const takesOver = !isAuthor && !seed.authorCanWrite && seed.status === "CHANGES_REQUESTED";
  const canEdit =
    (isAuthor || takesOver) && hasPermission(user.role, "seeds:write") && EDITABLE.includes(seed.status);
  const canReview = !isAuthor && hasPermission(user.role, "seeds:review") && seed.status === "SUBMITTED";
  const c = seed.current;
  // Open findings are marked where they stand in the text the reviewer reads.
  const spans = canEdit
    ? null
    : seedPhiSpans(
        c,
        seed.phiFindings.filter((f) => !f.resolved),
      );
  const marked = (field: keyof NonNullable<typeof spans>) => (
    <PhiMarkedText text={c[field]} spans={spans?.[field] ?? []} />
  );
  // The caller's autosave is never dropped: unsaved text on the current version, or a conflict
  // with the version saved since it was typed (the side-by-side view of a stale save).
  const restored = restoreDraft({
    version: seed.version,
    fields: editorFields(c),
    current: c,
    savedBy: seed.versions.at(-1)?.savedBy,
    draft: canEdit ? seed.draft : null,
  });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Seed</h1>
        <SeedStatusBadge status={seed.status} />
        <span className="text-sm text-slate-600">
          by {seed.authorName} · version {seed.version}
        </span>
        {hasPermission(user.role, "seeds:retire") && seed.status !== "RETIRED" ? (
          <RetireButton seedId={seed.id} />
        ) : null}
      </div>
      {restored.restored === "current" ? (
        <Notice tone="info">Your autosaved, unsaved edits were restored. Save to keep them.</Notice>
      ) : null}
      {restored.restored === "stale" ? (
        <Notice tone="warning">
          Your autosaved, unsaved edits were restored, but version {seed.version} was saved after them.
          Compare both below, then keep yours or take theirs.
        </Notice>
      ) : null}
      {canEdit && takesOver ? (
        <Notice tone="info">
          {seed.authorName} cannot revise this seed. Saving your revision makes you its author (recorded in
          the audit trail); another clinician then reviews it.
        </Notice>
      ) : null}
      {canEdit ? (
        <SeedEditor
          key={seed.version}
          terms={await editorTerms(c)}
          seedId={seed.id}
          initial={restored.initial}
          initialVersion={restored.initialVersion}
          initialDirty={restored.dirty}
          initialConflict={restored.conflict}
          initialPhi={seed.phiFindings.filter((f) => !f.resolved && f.field !== "reviewComment")}
          status={seed.status}
          savedVersion={savedVersion}
        />
      ) : (
        <Card title="Task">
          <dl className="grid gap-2 text-sm sm:grid-cols-[10rem_1fr]" data-testid="seed-fields">
            <dt className="font-medium">Topic · view · type</dt>
            <dd>
              {c.topic ?? "—"} · {c.view ?? "—"} · {c.type ?? "—"}
            </dd>
            <dt className="font-medium">Instruction</dt>
            <dd className="whitespace-pre-wrap">{marked("instruction")}</dd>
            <dt className="font-medium">Input</dt>
            <dd className="whitespace-pre-wrap">{c.input ? marked("input") : "(none)"}</dd>
            <dt className="font-medium">Difficulty</dt>
            <dd>{c.difficulty ?? "—"}</dd>
            {c.referenceAnswer ? (
              <>
                <dt className="font-medium">Reference answer</dt>
                <dd className="whitespace-pre-wrap">{marked("referenceAnswer")}</dd>
              </>
            ) : null}
            {c.specialtyTags.length ? (
              <>
                <dt className="font-medium">Specialty tags</dt>
                <dd>{c.specialtyTags.join(", ")}</dd>
              </>
            ) : null}
            {c.authorNotes ? (
              <>
                <dt className="font-medium">Author notes</dt>
                <dd className="whitespace-pre-wrap">{marked("authorNotes")}</dd>
              </>
            ) : null}
            {c.duplicateReason ? (
              <>
                <dt className="font-medium">Why despite a similar seed</dt>
                <dd>{marked("duplicateReason")}</dd>
              </>
            ) : null}
          </dl>
        </Card>
      )}
      {seed.phiFindings.length ? (
        <Card title="Possible patient identifiers">
          <ul className="space-y-2 text-sm">
            {seed.phiFindings.map((f) => (
              <li key={`${f.field}-${f.fingerprint}`} className="flex flex-wrap items-center gap-2">
                <span>
                  {f.field}: {phiKindLabel(f.kind)} “{f.text}” {f.resolved ? "(ruled not PHI)" : ""}
                </span>
                {!f.resolved ? (
                  <PhiFindingActions
                    seedId={seed.id}
                    field={f.field}
                    fingerprint={f.fingerprint}
                    canRedact={canEdit || canReview}
                    canClear={canReview}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {canReview ? (
        <Card title="Review">
          <ReviewPanel seedId={seed.id} version={seed.version} />
        </Card>
      ) : null}
      <Card title="History">
        <SeedHistory versions={seed.versions} reviews={seed.reviews} />
      </Card>
    </div>
  );
}
