import "server-only";
import { csvRow } from "@/lib/csv/csv";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { finalVerdict } from "./final-verdict";
import { loadCampaignItems } from "./load-campaign-items";
import { campaignPseudonyms, loadExportPage, type TExportItem } from "./load-export-page";

const EXPORT_PAGE = 1_000;

const CSV_HEADER = ["item", "record", "gold", "reviewer", "verdict", "flags", "correction", "rationale", "duration_ms", "time"];

/** reviews.csv: one row per review, reviewers by pseudonym only. */
export async function reviewsCsv(campaignId: string): Promise<string> {
  const { items, pseudonyms } = await loadCampaignItems(campaignId);
  let out = csvRow(CSV_HEADER);
  for (const it of items) {
    for (const r of it.reviews) {
      out += csvRow([it.id, it.ordinal, it.isGold, pseudonyms.get(r.reviewerId) ?? "unknown", r.verdict, r.flags.join(";"), r.correctedOutput, r.rationale, r.durationMs, r.createdAt]);
    }
  }
  return out;
}

/**
 * The curated export, JSONL in record order: items whose final verdict is accept or revise, with
 * the adjudicated or agreed correction as output (the original kept beside it). Gold items are
 * checks, not part of the sample, and are left out. Read a page at a time as the client pulls.
 */
export async function curatedExportStream(campaignId: string): Promise<ReadableStream<Uint8Array>> {
  const campaign = await db().auditCampaign.findUnique({ where: { id: campaignId }, select: { id: true, reviewersPerItem: true } });
  if (!campaign) throw notFound("Campaign");
  const pseudonyms = await campaignPseudonyms(campaignId);
  const lineOf = (it: TExportItem): string | null => {
    if (it.isGold) return null;
    const f = finalVerdict({
      reviewsNeeded: campaign.reviewersPerItem,
      reviews: it.reviews,
      adjudication: it.finalVerdict ? { verdict: it.finalVerdict, flags: it.finalFlags ?? [], output: it.finalOutput } : null,
    });
    if (f.state !== "final" || (f.verdict !== "accept" && f.verdict !== "revise")) return null;
    const original = it.output ?? "";
    const output = f.verdict === "revise" && f.correction !== null ? f.correction : original;
    return JSON.stringify({
      instruction: it.instruction,
      input: it.input,
      output,
      ...(output !== original ? { original_output: original } : {}),
      audit: {
        campaign: campaign.id,
        verdict: f.verdict,
        flags: f.flags,
        reviewers: it.reviews.map((r) => pseudonyms.get(r.reviewerId) ?? "unknown"),
      },
    });
  };
  const enc = new TextEncoder();
  let after = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // A pull must enqueue or close: a stream whose pull returns with neither is never pulled
      // again, so pages with nothing to export (all pending, rejected or gold) are read through.
      for (;;) {
        const page = await loadExportPage(campaignId, after, EXPORT_PAGE);
        const lines: string[] = [];
        for (const it of page) {
          after = it.ordinal;
          const line = lineOf(it);
          if (line !== null) lines.push(line);
        }
        if (lines.length > 0) controller.enqueue(enc.encode(`${lines.join("\n")}\n`));
        if (page.length < EXPORT_PAGE) return controller.close();
        if (lines.length > 0) return;
      }
    },
  });
}
