import { describe, expect, it } from "vitest";
import type { TUnknownLabel } from "@/lib/seeds/resolve-import-labels";
import { clustersOf, mappingOf, suggestedDecision } from "./label-clusters";

const u = (
  label: string,
  cluster: string,
  records: number[],
  over: Partial<TUnknownLabel> = {},
): TUnknownLabel => ({
  kind: "TYPE",
  label,
  spellings: [label],
  records,
  cluster,
  suggestions: [],
  ...over,
});

describe("clustersOf", () => {
  const labels = [
    u("Rewrites", "Rewrite", [1, 2]),
    u("Rewriting", "Rewrite", [3], {
      suggestions: [{ termId: "t1", label: "Rewrite", matched: "Rewrite", score: 1 }],
    }),
    u("Chat", "Chat", [4]),
  ];

  it("groups a cluster's labels, counts its records and keeps its best suggestions", () => {
    const [rewrite, chat] = clustersOf(labels);
    expect(rewrite).toMatchObject({ label: "Rewrite", records: 3 });
    expect(rewrite?.members.map((m) => m.label)).toEqual(["Rewrites", "Rewriting"]);
    expect(suggestedDecision(rewrite!)).toEqual({ type: "alias", termId: "t1", label: "Rewrite" });
    expect(suggestedDecision(chat!)).toEqual({ type: "new", label: "Chat" });
  });

  it("turns a decision into the mapping request: every spelling of every member", () => {
    const [rewrite] = clustersOf(labels);
    expect(mappingOf(rewrite!, { type: "new", label: " Rewrite " })).toEqual({
      action: "new",
      kind: "TYPE",
      label: "Rewrite",
      aliases: ["Rewrites", "Rewriting"],
    });
    expect(mappingOf(rewrite!, { type: "skip" })).toBeNull();
  });
});
