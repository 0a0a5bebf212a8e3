import { ROW_NOUN, type TExportKind, type TJson, type TManifest } from "./manifest";

/**
 * The README.md of an export in the Hugging Face dataset card format: a YAML header the Hub reads
 * (license, task_categories, size_categories, language, pretty_name, tags), then provenance, curation
 * process, review protocol and known limitations in words. Pure: everything comes from the manifest,
 * so the card and manifest.json in a bundle never disagree.
 */

/** The Hub's size buckets (the `size_categories` values it lists). */
const SIZE_BUCKETS: [number, string][] = [
  [1_000, "n<1K"],
  [10_000, "1K<n<10K"],
  [100_000, "10K<n<100K"],
  [1_000_000, "100K<n<1M"],
  [10_000_000, "1M<n<10M"],
  [100_000_000, "10M<n<100M"],
];

export function sizeCategory(rows: number): string {
  for (const [limit, label] of SIZE_BUCKETS) if (rows < limit) return label;
  return "n>100M";
}

const TASKS: Record<TExportKind, string[]> = {
  "seeds.jsonl": ["text-generation"],
  "seeds.json": ["text-generation"],
  "audit.curated": ["text-generation", "question-answering"],
  "audit.reviews_csv": ["text-classification"],
  "study.judgements_csv": ["text-classification"],
  "study.annotations": ["text-classification"],
  "study.dpo": ["text-generation"],
  "study.allocation_log_csv": ["text-classification"],
};

const TAGS: Record<TManifest["source"]["type"], string[]> = {
  seeds: ["medical", "instruction-tuning", "seed-tasks"],
  audit_campaign: ["medical", "instruction-tuning", "human-review"],
  study: ["medical", "human-preference", "pairwise-comparison"],
};

/** A YAML double-quoted scalar: JSON's string escaping is valid YAML. */
const yamlString = (s: string) => JSON.stringify(s);
const list = (key: string, values: string[]) => `${key}:\n${values.map((v) => `- ${v}`).join("\n")}`;

function show(value: TJson): string {
  if (value === null) return "none";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(4);
  if (typeof value === "string" || typeof value === "boolean") return String(value);
  return `\`${JSON.stringify(value)}\``;
}

function bullets(obj: { [k: string]: TJson }, empty: string): string {
  const entries = Object.entries(obj);
  return entries.length ? entries.map(([k, v]) => `- **${k}**: ${show(v)}`).join("\n") : `- ${empty}`;
}

function title(m: TManifest): string {
  const what = ROW_NOUN[m.export.kind];
  if (m.source.type === "seeds") return `ClinReview seed tasks (${m.export.filename})`;
  return `${m.source.name ?? m.source.type}: ${what}`;
}

function curation(m: TManifest): string {
  switch (m.source.type) {
    case "seeds":
      return (
        "Seed tasks were written by clinicians in ClinReview, each peer-reviewed by another clinician " +
        "and approved before export (unless the filters below ask for another status). Text is scanned " +
        "for protected health information while it is written; a finding blocks approval until it is " +
        "redacted or ruled not PHI by a second clinician."
      );
    case "audit_campaign":
      return (
        "Records of the source dataset were sampled (size, seed and strata below) and each sampled item " +
        "was reviewed by clinicians who accepted, rejected or revised the output and set error flags. " +
        "Disagreements were adjudicated. The curated export holds accepted and revised items with the " +
        "final correction as `output` (the original beside it); gold items, used to check reviewers, " +
        "are left out."
      );
    case "study":
      return (
        "Outputs of the compared models were shown to clinicians in blinded pairs (models never named, " +
        "sides balanced), who chose the better response per criterion. Attention checks and repeated " +
        "comparisons measure rater quality and are marked in the raw judgements."
      );
  }
}

function protocol(m: TManifest): string {
  const c = m.source.configuration;
  const lines =
    m.source.type === "study"
      ? [
          `Design: ${show(c.design ?? null)}; ratings per comparison: ${show(c.ratingsPerComparison ?? null)}.`,
          `Criteria: ${show(c.criteria ?? null)}.`,
          `Allocation: ${show(c.allocation ?? null)}; seed: ${show(c.seed ?? null)}.`,
        ]
      : m.source.type === "audit_campaign"
        ? [
            `Sample size: ${show(c.sampleSize ?? null)}; seed: ${show(c.seed ?? null)}; strata: ${show(c.strata ?? null)}.`,
            `Reviewers per item (overlap): ${show(c.reviewersPerItem ?? null)}; gold items: ${show(c.goldItems ?? null)}.`,
          ]
        : ["One author and at least one peer reviewer per seed; approval freezes the seed."];
  return `${lines.join("\n")}\n\nFull configuration:\n\n${bullets(c, "no configuration recorded")}`;
}

function limitations(m: TManifest): string {
  const out = [
    "The PHI guard assists reviewers; it does not certify that text is de-identified. Check before publishing.",
    "Clinical judgements reflect the reviewers who took part (named by pseudonym only) and may not generalise.",
  ];
  if (m.source.dataset?.sha256 === "unknown")
    out.push("The source dataset was imported before files were hashed: its SHA-256 is unknown.");
  if (m.licence === "unknown") out.push("No licence was stated: ask the data owner before reuse.");
  if (m.export.rows < 100) out.push(`Small: ${m.export.rows} ${ROW_NOUN[m.export.kind]}.`);
  if (m.app.commit === "unknown") out.push("The app's commit was not recorded for this build.");
  return out.map((l) => `- ${l}`).join("\n");
}

export function datasetCard(m: TManifest): string {
  const header = [
    "---",
    `license: ${m.licence}`,
    list("task_categories", TASKS[m.export.kind]),
    list("language", ["en"]),
    list("size_categories", [sizeCategory(m.export.rows)]),
    `pretty_name: ${yamlString(title(m))}`,
    list("tags", TAGS[m.source.type]),
    "---",
  ].join("\n");
  const dataset = m.source.dataset
    ? `Source dataset: **${m.source.dataset.name}** (SHA-256 \`${m.source.dataset.sha256}\`).`
    : "Source: the ClinReview seed bank or the study's uploaded outputs (no imported dataset file).";
  return `${header}

# ${title(m)}

\`${m.export.filename}\`: ${m.export.rows} ${ROW_NOUN[m.export.kind]}, ${m.export.bytes} bytes, SHA-256 \`${m.export.sha256}\`.
Licence: ${m.licence}. \`manifest.json\` beside this card holds every figure below as data.

## Provenance

${dataset}
Exported ${m.export.createdAt} by ${m.exportedBy.pseudonym} (pseudonym) from ClinReview ${m.app.version} (commit ${m.app.commit}); export id \`${m.export.id}\`.

Filters applied:

${bullets(m.filters, "none")}

## Curation process

${curation(m)}

Summary figures:

${bullets(m.source.summary, "none computed")}

## Review protocol

${protocol(m)}

## Known limitations

${limitations(m)}
`;
}
