import "server-only";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, conflict } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { checkGuidelinesBlinding } from "./check-blinding";
import { cleanDefinitions, definitionsOf } from "./definitions";
import { assertEditable, ownerWhere, readOwner, type TGuidelineOwner } from "./owner";
import type { TSaveGuidelines } from "./schemas";

/**
 * Saves the guidelines as a new version (the old ones are kept): while the campaign or study is in
 * draft or running, not once closed. A save over a newer version than the editor started from is a
 * 409 (someone else saved meanwhile). A study's guidelines and definitions must name no model; its
 * criteria's descriptions follow the definitions, so every screen that shows a criterion agrees.
 */
export async function saveGuidelines(
  user: TCurrentUser,
  owner: TGuidelineOwner,
  input: TSaveGuidelines,
  ctx: TRequestContext,
): Promise<{ version: number }> {
  return db().$transaction(async (tx) => {
    const state = await readOwner(tx, owner, true);
    assertEditable(state);
    const { definitions, fieldErrors } = cleanDefinitions(
      input.definitions,
      state.items.map((i) => i.key),
    );
    if (Object.keys(fieldErrors).length)
      throw new AppError("VALIDATION", "Some definitions need attention", { fieldErrors });
    if (owner.kind === "study")
      checkGuidelinesBlinding(
        [
          { field: "guidelines", text: input.guidelines },
          ...Object.entries(definitions).map(([k, text]) => ({ field: `definitions.${k}`, text })),
        ],
        state.models,
      );
    const previous = await tx.guidelineVersion.findFirst({
      where: ownerWhere(owner),
      orderBy: { version: "desc" },
      select: { version: true, guidelines: true, definitions: true },
    });
    if (input.baseVersion !== undefined && (input.baseVersion ?? null) !== (previous?.version ?? null))
      throw conflict("The guidelines were changed by someone else meanwhile: reload to see their version", {
        currentVersion: previous?.version ?? null,
      });
    const version = (previous?.version ?? 0) + 1;
    const guidelines = input.guidelines.trim();
    await tx.guidelineVersion.create({
      data: { ...ownerWhere(owner), version, guidelines, definitions, createdById: user.id },
    });
    if (owner.kind === "study" && state.criteria)
      await tx.study.update({
        where: { id: owner.id },
        data: {
          criteria: state.criteria.map((c) => ({ ...c, description: definitions[c.key] ?? "" })),
        },
      });
    await recordAudit(tx, ctx, {
      actorId: user.id,
      action: owner.kind === "audit" ? "audit.guidelines" : "study.guidelines",
      entityType: owner.kind === "audit" ? "audit_campaign" : "study",
      entityId: owner.id,
      before: previous
        ? {
            version: previous.version,
            guidelines: previous.guidelines,
            definitions: definitionsOf(previous.definitions),
          }
        : null,
      after: { version, guidelines, definitions },
    });
    return { version };
  });
}
