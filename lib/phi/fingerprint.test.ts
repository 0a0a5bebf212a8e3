import { describe, expect, it } from "vitest";
import { normaliseForFingerprint, phiMatchKey } from "./fingerprint";

describe("normaliseForFingerprint", () => {
  it("lowercases, folds compatibility forms and collapses separators", () => {
    expect(normaliseForFingerprint("  943-476-5919 ")).toBe("943 476 5919");
    expect(normaliseForFingerprint("Dr. O'Brien")).toBe("dr o brien");
    expect(normaliseForFingerprint("ＡＢ１２")).toBe("ab12");
  });
});

describe("phiMatchKey", () => {
  it("ignores formatting differences but not content or kind", () => {
    expect(phiMatchKey("nhs_number", "943 476 5919")).toBe(phiMatchKey("nhs_number", "943-476-5919"));
    expect(phiMatchKey("person_name", "Smith")).toBe(phiMatchKey("person_name", "SMITH"));
    expect(phiMatchKey("date", "1/12/2020")).not.toBe(phiMatchKey("date", "11/2/2020"));
    expect(phiMatchKey("phone", "0123456789")).not.toBe(phiMatchKey("record_number", "0123456789"));
  });
});
