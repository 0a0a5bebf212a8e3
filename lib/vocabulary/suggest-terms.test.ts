import { describe, expect, it } from "vitest";
import { clusterLabels } from "./cluster-labels";
import { foldLabel } from "./fold-label";
import type { TTermRef } from "./label-lookup";
import { createSuggester } from "./suggest-terms";

const term = (id: string, kind: TTermRef["kind"], label: string, aliases: string[] = []): TTermRef => ({
  id,
  kind,
  label,
  aliases,
});

describe("foldLabel", () => {
  it("folds case, punctuation, plural, -ing and filler words", () => {
    for (const s of ["Rewrites", "Rewriting", "Rewrite Task", "rewrite", "REWRITE."])
      expect(foldLabel(s)).toBe(foldLabel("Rewrite"));
    expect(foldLabel("Patients")).toBe(foldLabel("Patient's Perspective"));
    expect(foldLabel("Classification Task")).toBe(foldLabel("Classifications"));
  });

  it("keeps different words apart", () => {
    expect(foldLabel("Single-hop reasoning")).not.toBe(foldLabel("Multi-hop reasoning"));
    expect(foldLabel("Cardiology")).not.toBe(foldLabel("Neurology"));
  });
});

describe("createSuggester", () => {
  const terms = [
    term("t1", "TYPE", "Rewrite"),
    term("t2", "TYPE", "Summarization", ["Summary"]),
    term("t3", "TYPE", "Open Q&A"),
    term("t4", "TOPIC", "Rewrite"),
  ];
  const suggest = createSuggester(terms);

  it("ranks a term whose folded spelling is the label's first, scored 1", () => {
    for (const s of ["Rewrites", "Rewriting", "Rewrite Task"])
      expect(suggest("TYPE", s)[0]).toMatchObject({ termId: "t1", label: "Rewrite", score: 1 });
  });

  it("matches through aliases, names the matched spelling, and keeps to the label's kind", () => {
    expect(suggest("TYPE", "Summarizations")[0]).toMatchObject({ termId: "t2", matched: "Summarization" });
    expect(suggest("TYPE", "Summaries")[0]).toMatchObject({ termId: "t2", matched: "Summary" });
    expect(suggest("TOPIC", "Rewrites").map((s) => s.termId)).toEqual(["t4"]);
  });

  it("suggests nothing for an unrelated label", () => {
    expect(suggest("TYPE", "Dermatology")).toEqual([]);
  });

  it("ranks among 10,000 terms and returns at most the limit", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => term(`g${i}`, "TOPIC", `Generated topic ${i}`));
    const big = createSuggester([...many, term("card", "TOPIC", "Cardiology")]);
    expect(big("TOPIC", "cardiology.")[0]?.termId).toBe("card");
    expect(big("TOPIC", "Generated topics 42", 2)).toHaveLength(2);
  });
});

describe("clusterLabels", () => {
  it("proposes one term for near-duplicates: the spelling most records use", () => {
    const labels = [
      { kind: "TYPE", label: "Rewrites", records: 2 },
      { kind: "TYPE", label: "Rewrite", records: 9 },
      { kind: "TYPE", label: "Rewriting", records: 1 },
      { kind: "TYPE", label: "Rewrite Task", records: 1 },
      { kind: "TYPE", label: "Chat", records: 3 },
      { kind: "TOPIC", label: "Rewrites", records: 1 },
    ];
    expect(clusterLabels(labels)).toEqual(["Rewrite", "Rewrite", "Rewrite", "Rewrite", "Chat", "Rewrites"]);
  });

  it("keeps different labels apart", () => {
    const labels = ["Single-hop reasoning", "Multi-hop reasoning", "Cardiology", "Neurology"].map(
      (label) => ({ kind: "TYPE", label, records: 1 }),
    );
    expect(new Set(clusterLabels(labels)).size).toBe(4);
  });
});
