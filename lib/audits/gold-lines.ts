import { VERDICTS, type TVerdict } from "./flags";

export type TGoldLine = { recordOrdinal: number; verdict: TVerdict };

/**
 * The create-campaign form's gold items, one per line: a record number and its known verdict
 * ("17 reject", "17, accept", "17: revise"). A line that cannot be read is an error in words, never
 * silently dropped: a gold item the admin believes is in the campaign must be.
 */
export function parseGoldLines(text: string): { gold: TGoldLine[]; errors: string[] } {
  const gold: TGoldLine[] = [];
  const errors: string[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const parts = line.split(/[\s,=:]+/);
    const [number, word] = parts;
    const verdict = word?.toLowerCase();
    const where = `Gold line ${i + 1} ("${line.length > 40 ? `${line.slice(0, 40)}…` : line}")`;
    if (parts.length !== 2 || !number || !verdict)
      return errors.push(`${where}: write a record number and a verdict, e.g. "17 reject"`);
    if (!/^\d+$/.test(number) || Number(number) < 1)
      return errors.push(`${where}: the record number must be a whole number from 1`);
    if (!(VERDICTS as readonly string[]).includes(verdict))
      return errors.push(`${where}: the verdict must be accept, reject or revise`);
    gold.push({ recordOrdinal: Number(number), verdict: verdict as TVerdict });
  });
  return { gold, errors };
}

/** Problem field keys in words: "gold.1.recordOrdinal" is "Gold item 2, record number". */
export function campaignFieldName(key: string): string {
  const gold = /^gold\.(\d+)\.(recordOrdinal|verdict)$/.exec(key);
  if (gold) return `Gold item ${Number(gold[1]) + 1}, ${gold[2] === "verdict" ? "verdict" : "record number"}`;
  const names: Record<string, string> = {
    gold: "Gold items",
    sampleSize: "Sample size",
    sampleFraction: "Sample fraction",
    datasetId: "Dataset",
    strata: "Stratify by",
    seed: "Random seed",
    reviewersPerItem: "Reviewers per item",
    flags: "Error flags",
    name: "Name",
  };
  return names[key] ?? key;
}
