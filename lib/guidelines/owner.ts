import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError, notFound } from "@/lib/errors/app-error";
import { flagsOf } from "@/lib/audits/flags";
import { studyCriteria } from "@/lib/studies/study-criteria";

/** Whose guidelines: an audit campaign's or a study's (the two features share everything else). */
export type TGuidelineKind = "audit" | "study";
export type TGuidelineOwner = { kind: TGuidelineKind; id: string };

/** The owner's column on GuidelineVersion and GuidelineAck. */
export const ownerWhere = (o: TGuidelineOwner) =>
  o.kind === "audit" ? { campaignId: o.id } : { studyId: o.id };

/** What guidelines define: a campaign's flags, a study's criteria (with their stored description). */
export type TOwnerState = {
  status: string;
  items: { key: string; label: string; fallback?: string }[];
  /** Study only: every model of the study, which rater-facing text must not name. */
  models: string[];
  /** Study only: the criteria JSON, whose descriptions a save keeps in step. */
  criteria?: ReturnType<typeof studyCriteria>;
};

/**
 * Reads the owner inside a transaction; `lock` takes its row lock first, so two saves number their
 * versions one after the other. 404 when it does not exist.
 */
export async function readOwner(tx: TTx, o: TGuidelineOwner, lock = false): Promise<TOwnerState> {
  if (o.kind === "audit") {
    if (lock) await tx.$queryRaw`SELECT 1 FROM "AuditCampaign" WHERE id = ${o.id}::uuid FOR UPDATE`;
    const c = await tx.auditCampaign.findUnique({
      where: { id: o.id },
      select: { status: true, flags: true },
    });
    if (!c) throw notFound("Campaign");
    return { status: c.status, items: flagsOf(c.flags), models: [] };
  }
  if (lock) await tx.$queryRaw`SELECT 1 FROM "Study" WHERE id = ${o.id}::uuid FOR UPDATE`;
  const s = await tx.study.findUnique({
    where: { id: o.id },
    select: { status: true, criteria: true, referenceModel: true },
  });
  if (!s) throw notFound("Study");
  const outputs = await tx.studyOutput.findMany({
    where: { prompt: { studyId: o.id } },
    distinct: ["model"],
    select: { model: true },
  });
  const criteria = studyCriteria(s.criteria);
  return {
    status: s.status,
    items: criteria.map((c) => ({ key: c.key, label: c.label, fallback: c.description })),
    models: [...outputs.map((x) => x.model), ...(s.referenceModel ? [s.referenceModel] : [])],
    criteria,
  };
}

/** Guidelines may change while a campaign or study is being prepared or run, not once it is closed. */
export function assertEditable(state: TOwnerState): void {
  if (state.status === "CLOSED")
    throw new AppError("CONFLICT", "Closed: its guidelines can no longer change");
}

/** The current (highest) version's number, null when none was written. */
export async function currentVersion(tx: TTx, o: TGuidelineOwner): Promise<number | null> {
  const v = await tx.guidelineVersion.findFirst({
    where: ownerWhere(o),
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return v?.version ?? null;
}
