import "server-only";
import { db } from "@/lib/db/prisma";

/** A campaign's export carries its dataset's licence, as stated at import (null: none stated). */
export async function campaignLicence(campaignId: string): Promise<string | null> {
  const c = await db().auditCampaign.findUnique({
    where: { id: campaignId },
    select: { dataset: { select: { licence: true } } },
  });
  return c?.dataset.licence ?? null;
}
