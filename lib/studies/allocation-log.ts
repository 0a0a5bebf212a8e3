import "server-only";
import { db } from "@/lib/db/prisma";
import { runWithoutStatementTimeout } from "@/lib/db/statement-timeout";
import { notFound } from "@/lib/errors/app-error";
import { toCsv } from "@/lib/csv/csv";

const HEADER = [
  "study",
  "assignment",
  "rater",
  "time",
  "rule",
  "model_a",
  "model_b",
  "pair_judgements",
  "target",
  "deficit",
];

/**
 * allocation-log.csv: why an adaptive study handed out each assignment (issue 17), oldest first,
 * raters by pseudonym. For researchers analysing the design; a uniform study's log is empty.
 * `target` joins the adjacent pair (ranking) or names the model (ratings) with " > ".
 */
export async function allocationLogCsv(studyId: string): Promise<{ text: string; rows: number }> {
  const study = await db().study.findUnique({ where: { id: studyId }, select: { name: true } });
  if (!study) throw notFound("Study");
  const rows = await runWithoutStatementTimeout("export", (tx) =>
    tx.studyAllocationChoice.findMany({
      where: { studyId },
      orderBy: [{ createdAt: "asc" }, { assignmentId: "asc" }],
      include: { assignment: { select: { user: { select: { pseudonym: true } } } } },
    }),
  );
  const text = toCsv(
    HEADER,
    rows.map((r) => [
      study.name,
      r.assignmentId,
      r.assignment.user.pseudonym,
      r.createdAt,
      r.rule,
      r.modelA,
      r.modelB,
      r.pairJudgements,
      r.target.join(" > "),
      r.deficit,
    ]),
  );
  return { text, rows: rows.length };
}
