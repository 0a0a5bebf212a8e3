import { describe, expect, it } from "vitest";
import { phiRefusalOf } from "./phi-problem";

describe("phiRefusalOf", () => {
  it("reads the findings of a …/phi-findings problem, confirmable unless it says otherwise", () => {
    const findings = [{ field: "rationale", kind: "person_name", start: 5, end: 13 }];
    expect(phiRefusalOf({ type: "/problems/phi-findings", status: 422, findings })).toEqual({
      findings,
      confirmable: true,
    });
    expect(phiRefusalOf({ type: "/problems/phi-findings", findings, confirmable: false })).toEqual({
      findings,
      confirmable: false,
    });
  });

  it("is null for any other answer, so the screen shows its error instead", () => {
    expect(phiRefusalOf({ type: "about:blank", status: 422, errors: { rationale: ["x"] } })).toBeNull();
    expect(phiRefusalOf({ type: "/problems/phi-findings" })).toBeNull();
    expect(phiRefusalOf(null)).toBeNull();
    expect(phiRefusalOf("nope")).toBeNull();
  });
});
