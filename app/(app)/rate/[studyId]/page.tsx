import { GuidelinesGate } from "@/components/guidelines/guidelines-gate";
import { RatingPanel } from "@/components/studies/rating-panel";
import { requirePagePermission } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors/app-error";
import { getRaterGuidelines } from "@/lib/guidelines/get-rater-guidelines";
import { findOr404, parseOr404 } from "@/lib/http/find-or-404";
import { nextAssignment } from "@/lib/studies/rating-queue";
import { ZStudyId } from "@/lib/studies/schemas";
import { studyForRater } from "@/lib/studies/rater-access";

export const metadata = { title: "Rate" };

export default async function RateStudyPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId: raw } = await params;
  const user = await requirePagePermission("studies:rate", `/rate/${raw}`);
  const { id: studyId } = parseOr404(ZStudyId, { id: raw });
  // Only the title reaches the page: the row also holds the internal name and the reference model.
  const { title } = await findOr404(studyForRater(user.id, studyId));
  const guidelines = await getRaterGuidelines(user, { kind: "study", id: studyId });
  // The first comparison is claimed (or the live lease resumed) here, in the same blinded,
  // canonical form as the API's, so the first screen arrives rendered; not before the rater has
  // acknowledged the current guidelines (the screen claims once they have).
  const initial = guidelines.mustAcknowledge
    ? undefined
    : await nextAssignment(user, studyId).then(
        (assignment) => ({ assignment, error: null }),
        (err: unknown) => {
          if (
            err instanceof AppError &&
            (err.code === "CONFLICT" || err.code === "GUIDELINES_NOT_ACKNOWLEDGED")
          )
            return { assignment: null, error: err.message };
          throw err;
        },
      );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <GuidelinesGate kind="study" ownerId={studyId} initial={guidelines}>
        <RatingPanel studyId={studyId} initial={initial} />
      </GuidelinesGate>
    </div>
  );
}
