import { describe, expect, it } from "vitest";
import { handWrittenSections } from "./hand-written";

describe("handWrittenSections", () => {
  const existing = [
    "# Benchmarks",
    "",
    "| a | b |",
    "",
    "## Claim cost and capacity (issue 13)",
    "",
    "Written by hand.",
    "",
    "## PHI guard: recall and false positives",
    "",
    "old generated figures",
    "",
    "## Database frozen or stopped",
    "also by hand",
    "",
  ].join("\n");

  it("keeps the sections the generator does not write, in order, and drops the table and its own", () => {
    expect(handWrittenSections(existing, ["## PHI guard: recall and false positives", "new"])).toEqual([
      "## Claim cost and capacity (issue 13)",
      "",
      "Written by hand.",
      "",
      "## Database frozen or stopped",
      "also by hand",
      "",
    ]);
  });

  it("keeps nothing from a file with no sections of its own", () => {
    expect(handWrittenSections("# Benchmarks\n\n| a |\n", [])).toEqual([]);
  });
});
