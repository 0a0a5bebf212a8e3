import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { realDataFile, realDataTitle } from "@/tests/support/real-data";
import { createLabelLookup } from "@/lib/vocabulary/label-lookup";
import type { TAlpacaSeed } from "./alpacare-format";
import { clusterNewTerms } from "./cluster-new-terms";
import { resolveImportLabels } from "./resolve-import-labels";

const REAL = "alpacare/med_seed.json";
const FILE = realDataFile(REAL);

/** "Add unknown labels" on the real AlpaCare seeds into an empty vocabulary: one term per cluster. */
describe.skipIf(!FILE)(realDataTitle("new terms for the real AlpaCare seed labels", REAL), () => {
  // A skipped describe still runs its body: read the file only where it exists.
  const records = FILE ? (JSON.parse(readFileSync(FILE, "utf8")) as TAlpacaSeed[]) : [];

  it("adds the Rewrite spellings as one term with aliases, and a dozen type terms at most", () => {
    const { unknown } = resolveImportLabels(records, createLabelLookup([]));
    const terms = clusterNewTerms(unknown);
    const types = terms.filter((t) => t.kind === "TYPE");
    const rewrite = types.find((t) => t.aliases.includes("Rewriting"));
    expect(rewrite?.aliases).toEqual(expect.arrayContaining(["Rewrites", "Rewrite Task"]));
    expect(types.length).toBeLessThanOrEqual(12);
    expect(types.length).toBeLessThan(unknown.filter((x) => x.kind === "TYPE").length);
    // Every spelling in the file still finds its term.
    const lookup = createLabelLookup(terms.map((t, i) => ({ id: String(i), ...t })));
    for (const r of records)
      for (const k of ["topic", "view", "type"] as const) {
        expect(lookup.find(k.toUpperCase() as "TOPIC", r[k]), r[k]).toBeDefined();
      }
  });
});
