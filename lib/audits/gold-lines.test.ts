import { describe, expect, it } from "vitest";
import { flagLabels } from "./flags";
import { campaignFieldName, parseGoldLines } from "./gold-lines";

describe("parseGoldLines", () => {
  it("reads a number and a verdict per line, in any case and separator", () => {
    expect(parseGoldLines("17 reject\n\n 3, ACCEPT \n9:revise")).toEqual({
      gold: [
        { recordOrdinal: 17, verdict: "reject" },
        { recordOrdinal: 3, verdict: "accept" },
        { recordOrdinal: 9, verdict: "revise" },
      ],
      errors: [],
    });
  });
  it("says in words what is wrong with each unreadable line instead of dropping it", () => {
    expect(
      parseGoldLines("17\nseventeen reject\n0 accept\n4 maybe\n5 accept extra\n-2 reject").errors,
    ).toEqual([
      'Gold line 1 ("17"): write a record number and a verdict, e.g. "17 reject"',
      'Gold line 2 ("seventeen reject"): the record number must be a whole number from 1',
      'Gold line 3 ("0 accept"): the record number must be a whole number from 1',
      'Gold line 4 ("4 maybe"): the verdict must be accept, reject or revise',
      'Gold line 5 ("5 accept extra"): write a record number and a verdict, e.g. "17 reject"',
      'Gold line 6 ("-2 reject"): the record number must be a whole number from 1',
    ]);
  });
});

describe("words instead of keys", () => {
  it("names problem fields of the campaign form", () => {
    expect(campaignFieldName("gold.1.recordOrdinal")).toBe("Gold item 2, record number");
    expect(campaignFieldName("gold.0.verdict")).toBe("Gold item 1, verdict");
    expect(campaignFieldName("sampleSize")).toBe("Sample size");
    expect(campaignFieldName("other")).toBe("other");
  });
  it("shows flag labels for stored keys", () => {
    expect(
      flagLabels(["factual_error", "gone"], [{ key: "factual_error", label: "Factually wrong" }]),
    ).toEqual(["Factually wrong", "gone"]);
  });
});
