import "server-only";
import { csvRow } from "@/lib/csv/csv";
import { finalVerdict } from "./final-verdict";
import { loadCampaignItems } from "./load-campaign-items";

const CSV_HEADER = ["item", "record", "gold", "reviewer", "verdict", "flags", "correction", "rationale", "duration_ms", "time"];

/** reviews.csv: one row per review, reviewers by pseudonym only. */
export async function reviewsCsv(campaignId: string): Promise<string> {
  const { items, pseudonyms } = await loadCampaignItems(campaignId);
  let out = csvRow(CSV_HEADER);
  for (const it of items) {
    for (const r of it.reviews) {
      out += csvRow([it.id, it.record.ordinal, it.isGold, pseudonyms.get(r.reviewerId) ?? "unknown", r.verdict, r.flags.join(";"), r.correctedOutput, r.rationale, r.durationMs, r.createdAt]);
    }
  }
  return out;
}

/**
 * The curated export, JSONL in record order: items whose final verdict is accept or revise, with
 * the adjudicated or agreed correction as output (the original kept beside it). Gold items are
 * checks, not part of the sample, and are left out.
 */
export async function curatedExportStream(campaignId: string): Promise<ReadableStream<Uint8Array>> {
  const { campaign, items, input, pseudonyms } = await loadCampaignItems(campaignId);
  const enc = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const lines: string[] = [];
      while (i < items.length && lines.length < 200) {
        const it = items[i++];
        if (!it || it.isGold) continue;
        const f = finalVerdict({
          reviewsNeeded: input.reviewersPerItem,
          reviews: it.reviews,
          adjudication: it.finalVerdict ? { verdict: it.finalVerdict, flags: it.finalFlags, output: it.finalOutput } : null,
        });
        if (f.state !== "final" || (f.verdict !== "accept" && f.verdict !== "revise")) continue;
        const original = it.record.output ?? "";
        const output = f.verdict === "revise" && f.correction !== null ? f.correction : original;
        lines.push(
          JSON.stringify({
            instruction: it.record.instruction,
            input: it.record.input,
            output,
            ...(output !== original ? { original_output: original } : {}),
            audit: {
              campaign: campaign.id,
              verdict: f.verdict,
              flags: f.flags,
              reviewers: it.reviews.map((r) => pseudonyms.get(r.reviewerId) ?? "unknown"),
            },
          }),
        );
      }
      if (lines.length > 0) controller.enqueue(enc.encode(`${lines.join("\n")}\n`));
      if (i >= items.length) controller.close();
    },
  });
}
