import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/prisma";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TCurrentUser } from "@/lib/auth/sessions";
import { AppError, notFound } from "@/lib/errors/app-error";
import type { TRequestContext } from "@/lib/http/request-context";
import { createQueueItems } from "@/lib/queue";
import { sampleSizeFromFraction, simpleRandomSample, stratifiedSample } from "@/lib/sampling";
import { DEFAULT_FLAGS } from "./flags";
import type { TCreateCampaign } from "./schemas";

export const NO_STRATUM = "(none)";

type TPopulationRow = { id: bigint; ordinal: number; stratum: string | null };

const fieldError = (field: string, message: string) =>
  new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });

/**
 * Datasets imported before outputs were required may hold records without one; an audit of them
 * would show "(no output)". Found by query (no flag is stored): new campaigns are refused, the
 * campaigns already on such a dataset stay readable.
 */
async function refuseWithoutOutputs(datasetId: string): Promise<void> {
  const [row] = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "DatasetRecord"
     WHERE "datasetId" = ${datasetId}::uuid AND (output IS NULL OR output ~ '^[[:space:]]*$')`;
  const n = row?.n ?? 0;
  if (n > 0) {
    throw fieldError(
      "datasetId",
      `${n} record(s) of this dataset have no output, so it cannot be audited. Import the file again, choosing which field holds the output.`,
    );
  }
}

/** "The sample of 5000 is larger than the dataset: …", with the stratum sizes when stratified. */
function tooLarge(asked: number, records: number, gold: number, strata: string[] | null): string {
  const available = records - gold;
  const setAside = gold > 0 ? ` (${available} once the ${gold} gold item(s) are set aside)` : "";
  let byStratum = "";
  if (strata) {
    const counts = new Map<string, number>();
    for (const s of strata) counts.set(s, (counts.get(s) ?? 0) + 1);
    // Largest first, ties by name: the records' order is the database's, so the message stays the same.
    const listed = [...counts]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, 10)
      .map(([name, n]) => `${name} ${n}`);
    byStratum = `; by stratum: ${listed.join(", ")}${counts.size > 10 ? ", …" : ""}`;
  }
  return `The sample of ${asked} is larger than the dataset: it holds ${records} record(s)${setAside}${byStratum}. Choose at most ${available}, or all records.`;
}

/**
 * Draws the sample (simple random or stratified by a metadata field, reproducible from the seed),
 * mixes in gold items, and fills the campaign's queue (queue id = campaign id).
 */
export async function createCampaign(
  user: TCurrentUser,
  input: TCreateCampaign,
  ctx: TRequestContext,
): Promise<{ id: string }> {
  const dataset = await db().dataset.findFirst({ where: { id: input.datasetId, status: "READY" } });
  if (!dataset) throw notFound("Dataset");
  if (input.strata && !dataset.fields.includes(input.strata))
    throw fieldError("strata", `The dataset has no field "${input.strata}"`);
  await refuseWithoutOutputs(dataset.id);
  const rows = await db().$queryRaw<TPopulationRow[]>`
    SELECT id, ordinal, metadata ->> ${input.strata ?? ""} AS stratum
      FROM "DatasetRecord" WHERE "datasetId" = ${dataset.id}::uuid ORDER BY ordinal`;
  const byOrdinal = new Map(rows.map((r) => [r.ordinal, r]));
  const lastOrdinal = rows.at(-1)?.ordinal ?? 0;
  const gold = input.gold.map((g, i) => {
    const r = byOrdinal.get(g.recordOrdinal);
    if (!r) {
      const why =
        g.recordOrdinal > lastOrdinal
          ? `its records are numbered 1 to ${lastOrdinal}`
          : "that line held no record (blank or a duplicate)";
      throw fieldError("gold", `Gold item ${i + 1}: this dataset has no record ${g.recordOrdinal} (${why})`);
    }
    return { record: r, verdict: g.verdict };
  });
  const goldIds = new Set(gold.map((g) => g.record.id));
  const population = rows.filter((r) => !goldIds.has(r.id));
  const stratumOf = (r: TPopulationRow) => (input.strata ? (r.stratum ?? NO_STRATUM) : null);
  if (input.sampleSize !== undefined && input.sampleSize > population.length) {
    throw fieldError(
      "sampleSize",
      tooLarge(
        input.sampleSize,
        rows.length,
        gold.length,
        input.strata ? population.map((r) => stratumOf(r) ?? NO_STRATUM) : null,
      ),
    );
  }
  const size = input.sampleSize ?? sampleSizeFromFraction(population.length, input.sampleFraction ?? 0);
  // Sampled by ordinal (the line in the file), so a re-import draws the same sample from the seed.
  const byId = new Map(population.map((r) => [String(r.ordinal), r]));
  const pickedIds = input.strata
    ? stratifiedSample(
        population.map((r) => ({ id: String(r.ordinal), stratum: stratumOf(r) ?? NO_STRATUM })),
        size,
        input.seed,
      ).sample.map((s) => s.id)
    : simpleRandomSample(
        population.map((r) => String(r.ordinal)),
        size,
        input.seed,
      );
  if (pickedIds.length === 0)
    throw fieldError("sampleSize", "The sample is empty: every record of the dataset is a gold item");

  const picked = pickedIds.map((id) => byId.get(id) as TPopulationRow);
  const work = [
    ...picked.map((r) => ({ record: r, gold: null as string | null })),
    ...gold.map((g) => ({ record: g.record, gold: g.verdict })),
  ];
  const id = randomUUID();
  await db().$transaction(
    async (tx) => {
      await tx.auditCampaign.create({
        data: {
          id,
          name: input.name ?? `${dataset.name} audit`,
          datasetId: dataset.id,
          sampleSize: picked.length,
          sampleFraction: input.sampleFraction ?? null,
          strataField: input.strata ?? null,
          seed: input.seed,
          reviewersPerItem: input.reviewersPerItem,
          leaseMinutes: input.leaseMinutes,
          flags: input.flags ?? DEFAULT_FLAGS,
          createdById: user.id,
        },
      });
      const queueIds = await createQueueItems(tx, {
        queueId: id,
        seed: input.seed,
        items: work.map(() => ({ capacity: input.reviewersPerItem })),
      });
      // Unnested arrays in one statement: createMany took tens of seconds for a whole 52k dataset.
      await tx.$executeRaw`
        INSERT INTO "AuditItem" (id, "campaignId", "recordId", ordinal, "queueItemId", stratum, "isGold", "goldVerdict")
        SELECT gen_random_uuid(), ${id}::uuid, t.record_id, t.ordinal, t.queue_item_id, t.stratum, t.is_gold, t.gold_verdict
          FROM unnest(${work.map((w) => w.record.id.toString())}::bigint[], ${work.map((w) => w.record.ordinal)}::int[], ${queueIds}::uuid[],
                      ${work.map((w) => stratumOf(w.record))}::text[], ${work.map((w) => w.gold !== null)}::boolean[], ${work.map((w) => w.gold)}::"AuditVerdict"[])
            AS t(record_id, ordinal, queue_item_id, stratum, is_gold, gold_verdict)`;
      await recordAudit(tx, ctx, {
        actorId: user.id,
        action: "audit.create",
        entityType: "audit_campaign",
        entityId: id,
        after: {
          datasetId: dataset.id,
          sampleSize: picked.length,
          gold: gold.length,
          strata: input.strata ?? null,
          seed: input.seed,
        },
      });
    },
    { timeout: 60_000 },
  );
  return { id };
}
