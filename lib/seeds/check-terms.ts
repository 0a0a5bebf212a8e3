import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import type { TSeedFields } from "./schemas";

const KIND_OF = { topicId: "TOPIC", viewId: "VIEW", typeId: "TYPE" } as const;
type TTermFields = Pick<TSeedFields, "topicId" | "viewId" | "typeId">;

/**
 * Each chosen term must exist, be of the field's kind and be live. A retired term stays acceptable
 * on a seed that already has it (`current`), so editing other fields does not force a relabel.
 */
export async function checkTerms(tx: TTx, fields: TTermFields, current?: TTermFields): Promise<void> {
  const ids = [fields.topicId, fields.viewId, fields.typeId].filter((v): v is string => Boolean(v));
  const terms = await tx.vocabularyTerm.findMany({
    where: { id: { in: ids } },
    select: { id: true, kind: true, retiredAt: true },
  });
  const errors: TFieldErrors = {};
  for (const key of ["topicId", "viewId", "typeId"] as const) {
    const id = fields[key];
    if (!id) continue;
    const term = terms.find((t) => t.id === id && t.kind === KIND_OF[key]);
    if (!term) errors[key] = ["Choose a term from the list"];
    else if (term.retiredAt && current?.[key] !== id) errors[key] = ["This term is retired: choose another"];
  }
  if (Object.keys(errors).length)
    throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: errors });
}
