/**
 * The manifest of a stored export: what the file is (hash, size, rows), where it came from (source
 * dataset, campaign or study configuration, filters), what it says in summary, and who made it with
 * which build. Pure: the store service gathers the facts, this shapes them.
 */

export const EXPORT_KINDS = [
  "seeds.jsonl",
  "seeds.json",
  "audit.curated",
  "audit.reviews_csv",
  "study.judgements_csv",
  "study.annotations",
  "study.dpo",
  "study.allocation_log_csv",
] as const;
export type TExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_SOURCE_TYPES = ["seeds", "audit_campaign", "study"] as const;
export type TExportSourceType = (typeof EXPORT_SOURCE_TYPES)[number];

/** What a row of each kind is, for the card ("records", "judgements", …). */
export const ROW_NOUN: Record<TExportKind, string> = {
  "seeds.jsonl": "seed tasks",
  "seeds.json": "seed tasks",
  "audit.curated": "curated records",
  "audit.reviews_csv": "reviews",
  "study.judgements_csv": "judgement rows (one per criterion)",
  "study.annotations": "annotations",
  "study.dpo": "preference pairs",
  "study.allocation_log_csv": "allocation choices (one per adaptively chosen assignment)",
};

export type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

export type TManifestSource = {
  type: TExportSourceType;
  id: string | null;
  /** The campaign's or study's internal name; null for the seed bank. */
  name: string | null;
  /** The imported file the source was drawn from (audits); sha256 "unknown" for older imports. */
  dataset: { id: string; name: string; sha256: string } | null;
  /** Sample size, seed, strata, overlap, gold items, criteria, design, allocation… as they apply. */
  configuration: { [k: string]: TJson };
  /** Acceptance with its interval, agreement, win rates… as they apply. */
  summary: { [k: string]: TJson };
};

export type TManifest = {
  manifestVersion: 1;
  export: {
    id: string;
    kind: TExportKind;
    filename: string;
    contentType: string;
    sha256: string;
    bytes: number;
    rows: number;
    createdAt: string;
  };
  licence: string;
  source: TManifestSource;
  filters: { [k: string]: TJson };
  app: { name: "ClinReview"; version: string; commit: string };
  exportedBy: { pseudonym: string };
};

export type TManifestInput = {
  id: string;
  kind: TExportKind;
  filename: string;
  contentType: string;
  sha256: string;
  bytes: number;
  rows: number;
  createdAt: Date;
  licence: string | null;
  source: TManifestSource;
  filters: Record<string, unknown>;
  app: { version: string; commit: string };
  exporterPseudonym: string;
};

/** Only set filters, as JSON values (undefined dropped, dates as ISO text). */
function cleanFilters(filters: Record<string, unknown>): { [k: string]: TJson } {
  const out: { [k: string]: TJson } = {};
  for (const [k, v] of Object.entries(filters)) {
    if (v === undefined || v === null || v === "") continue;
    if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
    else out[k] = JSON.parse(JSON.stringify(v)) as TJson;
  }
  return out;
}

export function buildManifest(input: TManifestInput): TManifest {
  return {
    manifestVersion: 1,
    export: {
      id: input.id,
      kind: input.kind,
      filename: input.filename,
      contentType: input.contentType,
      sha256: input.sha256,
      bytes: input.bytes,
      rows: input.rows,
      createdAt: input.createdAt.toISOString(),
    },
    licence: input.licence || "unknown",
    source: input.source,
    filters: cleanFilters(input.filters),
    app: {
      name: "ClinReview",
      version: input.app.version || "unknown",
      commit: input.app.commit || "unknown",
    },
    exportedBy: { pseudonym: input.exporterPseudonym },
  };
}
