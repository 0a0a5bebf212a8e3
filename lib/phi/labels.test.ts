import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";
import { phiKindLabel } from "./labels";

describe("phiKindLabel", () => {
  it("reads every detected kind as words", () => {
    const text =
      "Mr. John Smith, DOB 02/11/1948, seen 03/04/2024, MRN: 12345678, call 555-123-4567 or john@example.org, " +
      "lives at 12 Baker Street, SW1A 1AA; SSN 123-45-6789, NHS number 943 476 5919, NI AB123456C.";
    const kinds = [...new Set(detectPhi(text).map((f) => f.kind))];
    expect(kinds.length).toBeGreaterThanOrEqual(6);
    for (const kind of kinds) {
      expect(phiKindLabel(kind)).not.toMatch(/_/);
    }
  });

  it("names the kinds in plain words, and replaces every underscore of an unknown kind", () => {
    expect(phiKindLabel("date_of_birth")).toBe("date of birth");
    expect(phiKindLabel("uk_ni_number")).toBe("UK National Insurance number");
    expect(phiKindLabel("some_future_kind_x")).toBe("some future kind x");
  });
});
