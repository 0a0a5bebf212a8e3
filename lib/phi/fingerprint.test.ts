import { describe, expect, it } from "vitest";
import { normaliseForFingerprint, phiFingerprint } from "./fingerprint";

describe("normaliseForFingerprint", () => {
  it("lowercases, folds compatibility forms and collapses separators", () => {
    expect(normaliseForFingerprint("  943-476-5919 ")).toBe("943 476 5919");
    expect(normaliseForFingerprint("Dr. O'Brien")).toBe("dr o brien");
    expect(normaliseForFingerprint("ＡＢ１２")).toBe("ab12");
  });
});

describe("phiFingerprint", () => {
  it("is stable and prefixed with the kind", () => {
    const fp = phiFingerprint("phone", "020 7946 0958");
    expect(fp).toMatch(/^phone:[0-9a-f]{16}$/);
    expect(phiFingerprint("phone", "020 7946 0958")).toBe(fp);
  });

  it("pins the exact value so stored reviewer decisions keep matching after upgrades", () => {
    expect(phiFingerprint("email", "jane.doe@example.com")).toMatchInlineSnapshot(`"email:ce13305ba4516bdc"`);
  });

  it("ignores formatting differences but not content or kind", () => {
    expect(phiFingerprint("nhs_number", "943 476 5919")).toBe(phiFingerprint("nhs_number", "943-476-5919"));
    expect(phiFingerprint("person_name", "Smith")).toBe(phiFingerprint("person_name", "SMITH"));
    expect(phiFingerprint("date", "1/12/2020")).not.toBe(phiFingerprint("date", "11/2/2020"));
    expect(phiFingerprint("phone", "0123456789")).not.toBe(phiFingerprint("record_number", "0123456789"));
  });

  it("does not contain the matched text", () => {
    expect(phiFingerprint("person_name", "Smith")).not.toContain("smith");
  });
});
