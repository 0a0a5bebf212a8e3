import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { detectPhi } from "./detect";

interface Seed {
  instruction: string;
  input: string;
}

describeEachSource("alpacare/med_seed.json", "detectPhi on the AlpaCare seed tasks", (file) => {
  const seeds = JSON.parse(readFileSync(file, "utf8")) as Seed[];
  it("stays quiet on 167 clinician-written seeds, except one accepted titled name", () => {
    const findings = seeds.flatMap((seed, index) =>
      (["instruction", "input"] as const).flatMap((field) =>
        detectPhi(seed[field]).map((f) => ({ index, field, kind: f.kind, text: f.text })),
      ),
    );
    // Accepted: the seed's input addresses "Miss Smith" (a fictional patient, but exactly the
    // pattern reviewers should see). Vitals, doses, lab values, "October 2021" and
    // "since August 2010" elsewhere in the file produce nothing.
    expect(seeds).toHaveLength(167);
    expect(findings).toEqual([
      { index: expect.any(Number) as number, field: "input", kind: "person_name", text: "Smith" },
    ]);
  });
});
