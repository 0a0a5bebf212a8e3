import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  syntheticAlpacaEvalAnnotations,
  syntheticMedInstructJsonl,
  syntheticSeeds,
} from "../../tests/support/synthetic-data";
import { readingTimes } from "./queue-http";
import { syntheticRecords } from "./synthetic-records";

// Golden values from main before their private mulberry32 copies became lib/random: the generated
// fixtures must stay byte-identical, or bench rows and test statistics would shift.
const sha = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 16);

describe("seeded fixtures on the one PRNG", () => {
  it("bench records and reading times are unchanged", () => {
    expect(sha(JSON.stringify([...syntheticRecords(200)]))).toBe("ec5c5a2b9eb4040e");
    const rt = readingTimes(100, 900, 7);
    expect([rt(), rt(), rt()]).toEqual([109.36380252242088, 149.56660605967045, 881.526106223464]);
  });

  it("the generated stand-ins for the real data files are unchanged", () => {
    expect(sha(JSON.stringify(syntheticSeeds()))).toBe("f1263e04e87d0299");
    expect(sha(syntheticMedInstructJsonl())).toBe("ccfa380f996e9b9b");
    expect(sha(JSON.stringify(syntheticAlpacaEvalAnnotations()))).toBe("ba34a1bcb8d79f8b");
  });
});
