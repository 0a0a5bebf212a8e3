import "server-only";
import type { CopyRows } from "@/lib/db/copy-binary";
import { csvRow } from "@/lib/csv/csv";
import { db } from "@/lib/db/prisma";
import { notFound } from "@/lib/errors/app-error";
import { datasetImportMapping } from "@/lib/datasets/import-mapping";
import { readStoredTurns } from "@/lib/conversations/stored-turns";
import { Utf8Writer } from "@/lib/text/utf8-writer";
import { curatedLinePieces } from "./curated-line";
import { finalVerdict } from "./final-verdict";
import { ReportTally } from "./report-tally";
import { loadCampaignItems } from "./load-campaign-items";
import {
  campaignPseudonyms,
  exportItem,
  exportOrdinalRange,
  loadExportWindow,
  type TExportItem,
} from "./load-export-page";

/** Ordinals per window (a window holds at most this many items), and windows read ahead. */
const EXPORT_WINDOW = 2_000;
const EXPORT_AHEAD = 2;

const CSV_HEADER = [
  "item",
  "record",
  "gold",
  "reviewer",
  "verdict",
  "flags",
  "correction",
  "rationale",
  "duration_ms",
  "time",
  // Last, so the columns scripts read by position keep their places (issue 15 item 4).
  "guideline_version",
];

/** reviews.csv: one row per review, reviewers by pseudonym only. */
export async function reviewsCsv(campaignId: string): Promise<string> {
  return (await reviewsCsvWithRows(campaignId)).text;
}

/** reviews.csv and its row count (reviews), for the stored export's manifest. */
export async function reviewsCsvWithRows(campaignId: string): Promise<{ text: string; rows: number }> {
  const { items, pseudonyms } = await loadCampaignItems(campaignId);
  let out = csvRow(CSV_HEADER);
  let rows = 0;
  for (const it of items) {
    for (const r of it.reviews) {
      rows += 1;
      out += csvRow([
        it.id,
        it.ordinal,
        it.isGold,
        pseudonyms.get(r.reviewerId) ?? "unknown",
        r.verdict,
        r.flags.join(";"),
        r.correctedOutput,
        r.rationale,
        r.durationMs,
        r.createdAt,
        r.guidelineVersion,
      ]);
    }
  }
  return { text: out, rows };
}

/**
 * The curated export, JSONL in record order: items whose final verdict is accept or revise, with
 * the adjudicated or agreed correction as output (the original kept beside it). Gold items are
 * checks, not part of the sample, and are left out. Read a page at a time as the client pulls.
 * Every item read is tallied for the report's headline figures (report-tally.ts): `tally` settles
 * when the stream has been read to its end (the manifest's summary, without reading the campaign
 * again), and fails if the stream fails or is cancelled.
 */
export async function curatedExportStream(
  campaignId: string,
): Promise<{ stream: ReadableStream<Uint8Array>; tally: Promise<ReportTally> }> {
  const campaign = await db().auditCampaign.findUnique({
    where: { id: campaignId },
    select: {
      id: true,
      reviewersPerItem: true,
      datasetId: true,
      dataset: { select: { conversationShape: true } },
    },
  });
  if (!campaign) throw notFound("Campaign");
  const shape = campaign.dataset.conversationShape;
  const [pseudonyms, mapping] = await Promise.all([
    campaignPseudonyms(campaignId),
    datasetImportMapping(campaign.datasetId),
  ]);
  // A chat dataset's lines go back out in its shape, under the field the file held the turns in.
  const conversation = shape ? { field: mapping.conversation ?? shape, shape } : null;
  const tally = new ReportTally();
  const tallied: { resolve: (t: ReportTally) => void; reject: (err: unknown) => void } = {
    resolve: () => undefined,
    reject: () => undefined,
  };
  const tallyDone = new Promise<ReportTally>((resolve, reject) =>
    Object.assign(tallied, { resolve, reject }),
  );
  // Awaited by whoever builds the manifest; a failed export must not surface it as unhandled.
  tallyDone.catch(() => undefined);
  const lineOf = (it: TExportItem): (string | Buffer)[] | null => {
    const f = finalVerdict({
      reviewsNeeded: campaign.reviewersPerItem,
      reviews: it.reviews,
      adjudication: it.finalVerdict
        ? { verdict: it.finalVerdict, flags: it.finalFlags ?? [], output: it.finalOutput }
        : null,
    });
    tally.add(it, f);
    if (it.isGold) return null;
    if (f.state !== "final" || (f.verdict !== "accept" && f.verdict !== "revise")) return null;
    // The line JSON.stringify would write, spliced from the literals PostgreSQL escaped
    // (lib/audits/load-export-page.ts); the record's own id and source fields come with it, and
    // `line` is its line (JSONL) or element (array) number in the imported file.
    const original = it.outputJson;
    const correction = f.verdict === "revise" && f.correction !== null ? JSON.stringify(f.correction) : null;
    // A correction that repeats the original is the original (no `original_output` beside it).
    const output = correction === null || original.equals(Buffer.from(correction)) ? original : correction;
    const audit = JSON.stringify({
      campaign: campaign.id,
      line: it.recordOrdinal,
      verdict: f.verdict,
      flags: f.flags,
      reviewers: it.reviews.map((r) => pseudonyms.get(r.reviewerId) ?? "unknown"),
    });
    return curatedLinePieces({
      instructionJson: it.instructionJson,
      inputJson: it.inputJson,
      outputJson: original,
      finalJson: output,
      metadata: it.metadata,
      mapping,
      auditJson: audit,
      context: conversation ? readStoredTurns(it.context) : null,
      conversation,
    });
  };
  // Windows of ordinals known in advance: the next ones are read (on other pooled connections)
  // while this one is turned into lines and sent, so the database's work and the encoding overlap
  // and the texts in memory stay at a few windows. The tally grows with the campaign (a verdict
  // and stratum per final item, a small map per item two reviewers answered), less than the
  // summary's separate read held: every item and review at once.
  const range = await exportOrdinalRange(campaignId);
  let from = range ? range.first - 1 : 0;
  const ahead: Promise<CopyRows>[] = [];
  const fill = () => {
    while (range && ahead.length < EXPORT_AHEAD && from < range.last) {
      const window = loadExportWindow(campaignId, from, from + EXPORT_WINDOW);
      // Awaited in turn below; a failure must not surface as unhandled before then.
      window.catch(() => undefined);
      ahead.push(window);
      from += EXPORT_WINDOW;
    }
  };
  fill();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        // A pull must enqueue or close: a stream whose pull returns with neither is never pulled
        // again, so windows with nothing to export (all pending, rejected or gold) are read through.
        for (let next = ahead.shift(); next; next = ahead.shift()) {
          fill();
          const rows = await next;
          // Each line is written as it is made (lib/text/utf8-writer.ts); the window's own size is
          // about the lines' (its texts are most of both).
          const out = new Utf8Writer(rows.byteLength);
          while (rows.next()) {
            const line = lineOf(exportItem(rows));
            if (line === null) continue;
            for (const piece of line) out.put(piece);
            out.put("\n");
          }
          if (out.byteLength) {
            controller.enqueue(out.bytes());
            return;
          }
        }
        controller.close();
        tallied.resolve(tally);
      } catch (err) {
        tallied.reject(err);
        throw err;
      }
    },
    cancel(reason) {
      ahead.length = 0;
      from = Number.POSITIVE_INFINITY;
      tallied.reject(reason ?? new Error("The export was cancelled"));
    },
  });
  return { stream, tally: tallyDone };
}
