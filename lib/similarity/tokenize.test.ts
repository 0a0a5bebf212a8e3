import { describe, expect, it } from "vitest";
import { rougeTokenize } from "./tokenize";

describe("rougeTokenize", () => {
  it("lowercases and splits on anything that is not [a-z0-9]", () => {
    expect(rougeTokenize("Explain what Multiple Sclerosis is.")).toEqual([
      "explain",
      "what",
      "multiple",
      "sclerosis",
      "is",
    ]);
  });

  it("splits hyphens, slashes, apostrophes and decimals like rouge_score", () => {
    expect(rougeTokenize("COVID-19 patient's BP 120/80, HbA1c 7.5%")).toEqual([
      "covid",
      "19",
      "patient",
      "s",
      "bp",
      "120",
      "80",
      "hba1c",
      "7",
      "5",
    ]);
  });

  it("drops non-ASCII letters entirely", () => {
    expect(rougeTokenize("α-blocker café naïve µg")).toEqual(["blocker", "caf", "na", "ve", "g"]);
    expect(rougeTokenize("糖尿病")).toEqual([]);
  });

  it("handles empty and whitespace-only text", () => {
    expect(rougeTokenize("")).toEqual([]);
    expect(rougeTokenize("  \n\t ")).toEqual([]);
    expect(rougeTokenize("<noinput>")).toEqual(["noinput"]);
  });

  it("keeps characters whose lowercase form is ASCII (Python's str.lower agrees)", () => {
    // U+212A KELVIN SIGN lowercases to "k" in both Python and JavaScript.
    expect(rougeTokenize("\u212Aidney")).toEqual(["kidney"]);
  });
});
