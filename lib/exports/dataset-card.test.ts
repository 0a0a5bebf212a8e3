import { describe, expect, it } from "vitest";
import { datasetCard, sizeCategory } from "./dataset-card";
import { buildManifest, type TManifestInput } from "./manifest";

const input = (over: Partial<TManifestInput> = {}): TManifestInput => ({
  id: "0b9f1f9e-1111-4444-8888-000000000001",
  kind: "audit.curated",
  filename: "audit-x.jsonl",
  contentType: "application/x-ndjson; charset=utf-8",
  sha256: "ab".repeat(32),
  bytes: 1234,
  rows: 2500,
  createdAt: new Date("2026-12-06T05:00:00Z"),
  licence: "cc-by-4.0",
  source: {
    type: "audit_campaign",
    id: "0b9f1f9e-1111-4444-8888-000000000002",
    name: 'Batch "7"',
    dataset: { id: "d", name: "medinstruct", sha256: "unknown" },
    configuration: { sampleSize: 300, seed: "s1", strata: "topic", reviewersPerItem: 2, goldItems: 5 },
    summary: { acceptance: 0.81234, acceptanceLower: 0.7, acceptanceUpper: 0.9 },
  },
  filters: { status: "approved", topicId: undefined, from: "" },
  app: { version: "0.1.0", commit: "" },
  exporterPseudonym: "Reviewer 7",
  ...over,
});

describe("buildManifest", () => {
  it("drops unset filters and says unknown for a missing licence and commit", () => {
    const m = buildManifest(input({ licence: null }));
    expect(m.filters).toEqual({ status: "approved" });
    expect(m.licence).toBe("unknown");
    expect(m.app).toEqual({ name: "ClinReview", version: "0.1.0", commit: "unknown" });
    expect(m.export.createdAt).toBe("2026-12-06T05:00:00.000Z");
  });
});

describe("datasetCard", () => {
  const card = datasetCard(buildManifest(input()));
  const header = card.split("---")[1] ?? "";

  it("opens with the Hugging Face YAML header", () => {
    expect(card.startsWith("---\nlicense: cc-by-4.0\n")).toBe(true);
    expect(header).toContain("task_categories:\n- text-generation\n- question-answering");
    expect(header).toContain("language:\n- en");
    expect(header).toContain("size_categories:\n- 1K<n<10K");
    // A quote in the campaign's name stays inside one YAML string.
    expect(header).toContain('pretty_name: "Batch \\"7\\": curated records"');
  });

  it("has the four sections and the facts of the manifest", () => {
    for (const s of ["## Provenance", "## Curation process", "## Review protocol", "## Known limitations"])
      expect(card).toContain(s);
    expect(card).toContain(`SHA-256 \`${"ab".repeat(32)}\``);
    expect(card).toContain("Sample size: 300; seed: s1; strata: topic.");
    expect(card).toContain("- **acceptance**: 0.8123");
    expect(card).toContain("by Reviewer 7 (pseudonym)");
    expect(card).toContain("its SHA-256 is unknown");
    expect(card).toContain("commit was not recorded");
  });

  it("describes a study by its design and criteria, and an unlicensed export as such", () => {
    const m = buildManifest(
      input({
        kind: "study.dpo",
        rows: 40,
        licence: null,
        source: {
          type: "study",
          id: null,
          name: "Study 3",
          dataset: null,
          configuration: { design: "all_pairs", criteria: ["correctness"], allocation: "uniform" },
          summary: {},
        },
      }),
    );
    const c = datasetCard(m);
    expect(c).toContain("license: unknown");
    expect(c).toContain("Design: all_pairs;");
    expect(c).toContain('Criteria: `["correctness"]`.');
    expect(c).toContain("No licence was stated");
    expect(c).toContain("Small: 40 preference pairs.");
  });

  it("puts sizes in the Hub's buckets", () => {
    expect([0, 999, 1000, 99_999, 100_000].map(sizeCategory)).toEqual([
      "n<1K",
      "n<1K",
      "1K<n<10K",
      "10K<n<100K",
      "100K<n<1M",
    ]);
  });
});
