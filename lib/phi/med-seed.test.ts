import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { detectPhi } from "./detect";

interface Seed {
  instruction: string;
  input: string;
}

describeEachSource("alpacare/med_seed.json", "detectPhi on the AlpaCare seed tasks", (file, kind) => {
  const seeds = JSON.parse(readFileSync(file, "utf8")) as Seed[];
  it("stays quiet on 167 clinician-written seeds, except the fictional patients' names", () => {
    const findings = seeds.flatMap((seed, index) =>
      (["instruction", "input"] as const).flatMap((field) =>
        detectPhi(seed[field]).map((f) => ({ index, field, kind: f.kind, text: f.text })),
      ),
    );
    // Accepted: one seed addresses "Miss Smith", one is written as "I'm Jessie", one opens "James
    // presents with": fictional patients, but exactly the names (titled or not, issue 10) that
    // reviewers should see. Vitals, doses, lab values, Title Case terms ("Myasthenia Gravis",
    // "Calcium Channel Blocker"), "October 2021" and "since August 2010" produce nothing.
    expect(seeds).toHaveLength(167);
    // The generated stand-in carries only the "Miss Smith" record.
    const names = kind === "real" ? ["James", "Jessie", "Smith"] : ["Smith"];
    expect(findings.map((f) => [f.kind, f.text]).sort()).toEqual(names.map((n) => ["person_name", n]));
  });
});
