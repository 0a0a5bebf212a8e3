import { describe, expect, it } from "vitest";
import { clusterNewTerms } from "./cluster-new-terms";
import type { TUnknownLabel } from "./resolve-import-labels";

const u = (
  kind: TUnknownLabel["kind"],
  label: string,
  records: number,
  spellings = [label],
): TUnknownLabel => ({
  kind,
  label,
  spellings,
  records: Array.from({ length: records }, (_, i) => i + 1),
});

describe("clusterNewTerms", () => {
  it("makes one term per cluster, led by the most used spelling, the others its aliases", () => {
    const terms = clusterNewTerms([
      u("TYPE", "Rewrites", 2),
      u("TYPE", "Rewrite", 5, ["Rewrite", "rewrite"]),
      u("TYPE", "Rewriting", 1),
      u("TYPE", "Rewrite Task", 1),
      u("TYPE", "Classification", 3),
    ]);
    expect(terms).toHaveLength(2);
    const rewrite = terms.find((t) => t.label === "Rewrite");
    expect(rewrite?.kind).toBe("TYPE");
    expect(rewrite?.aliases.sort()).toEqual(["Rewrite Task", "Rewrites", "Rewriting", "rewrite"]);
    expect(terms.find((t) => t.label === "Classification")?.aliases).toEqual([]);
  });

  it("never merges across kinds, and keeps distinct labels apart", () => {
    const terms = clusterNewTerms([
      u("TOPIC", "Cardiology", 1),
      u("VIEW", "Cardiology", 1),
      u("TOPIC", "Neurology", 1),
    ]);
    expect(terms.map((t) => `${t.kind}:${t.label}`).sort()).toEqual([
      "TOPIC:Cardiology",
      "TOPIC:Neurology",
      "VIEW:Cardiology",
    ]);
  });

  it("gives no spelling to two terms", () => {
    const terms = clusterNewTerms([u("TYPE", "Summarization", 3), u("TYPE", "Summarizations", 1)]);
    const spellings = terms.flatMap((t) => [t.label, ...t.aliases]);
    expect(new Set(spellings).size).toBe(spellings.length);
    expect(terms).toEqual([{ kind: "TYPE", label: "Summarization", aliases: ["Summarizations"] }]);
  });
});
