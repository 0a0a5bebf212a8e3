import "server-only";
import type { TTx } from "@/lib/db/prisma";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import type { TSeedFields } from "./schemas";

const KIND_OF = { topicId: "TOPIC", viewId: "VIEW", typeId: "TYPE" } as const;

/** Each chosen term must exist, be live and be of the field's kind. */
export async function checkTerms(tx: TTx, fields: Pick<TSeedFields, "topicId" | "viewId" | "typeId">): Promise<void> {
  const ids = [fields.topicId, fields.viewId, fields.typeId].filter((v): v is string => Boolean(v));
  const terms = await tx.vocabularyTerm.findMany({ where: { id: { in: ids }, retiredAt: null }, select: { id: true, kind: true } });
  const errors: TFieldErrors = {};
  for (const key of ["topicId", "viewId", "typeId"] as const) {
    const id = fields[key];
    if (id && !terms.some((t) => t.id === id && t.kind === KIND_OF[key])) errors[key] = ["Choose a term from the list"];
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION", "Some fields need attention", { fieldErrors: errors });
}
