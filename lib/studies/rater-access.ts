import "server-only";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";

/** A study the caller may rate: started, and either open to every clinician or naming them. */
export async function studyForRater(userId: string, studyId: string) {
  const study = await db().study.findUnique({
    where: { id: studyId },
    include: { raters: { select: { userId: true } } },
  });
  if (!study || study.status === "DRAFT") throw notFound("Study");
  if (study.raters.length > 0 && !study.raters.some((r) => r.userId === userId)) throw notFound("Study");
  return study;
}

/** What a rater may see in a list: the title and status only (the internal name is for admins and researchers). */
export async function listStudiesForRater(userId: string) {
  const studies = await db().study.findMany({
    where: {
      status: { in: ["ACTIVE", "PAUSED"] },
      OR: [{ raters: { none: {} } }, { raters: { some: { userId } } }],
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, status: true },
  });
  return studies;
}
