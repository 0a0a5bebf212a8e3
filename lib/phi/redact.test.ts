import { describe, expect, it } from "vitest";
import { detectPhi } from "./detect";
import { redactAll, redactPhi } from "./redact";

describe("redactPhi", () => {
  it("replaces each finding with its kind", () => {
    const text = "Mr. John Smith, DOB 12/03/1956, call 020 7946 0958.";
    expect(redactPhi(text, detectPhi(text))).toBe(
      "Mr. [REDACTED:person_name], DOB [REDACTED:date_of_birth], call [REDACTED:phone].",
    );
  });

  it("returns the text unchanged when there is nothing to redact", () => {
    expect(redactPhi("BP 120/80", [])).toBe("BP 120/80");
  });

  it("lets callers keep findings a reviewer marked as false positives", () => {
    const text = "Seen by Dr. Patel on 3/4/2020.";
    const findings = detectPhi(text).filter((f) => f.kind !== "date");
    expect(redactPhi(text, findings)).toBe("Seen by Dr. [REDACTED:person_name] on 3/4/2020.");
  });

  it("merges overlapping spans, labelled by the earliest", () => {
    const text = "abcdefghij";
    expect(
      redactPhi(text, [
        { kind: "phone", start: 2, end: 6, text: "cdef" },
        { kind: "email", start: 4, end: 8, text: "efgh" },
        { kind: "date", start: 9, end: 10, text: "j" },
      ]),
    ).toBe("ab[REDACTED:phone]i[REDACTED:date]");
  });

  it("redacts by literal when a finding's offsets are stale", () => {
    const original = "Call 020 7946 0958 now";
    const findings = detectPhi(original);
    const edited = `Urgent: ${original}; backup 020 7946 0958`;
    expect(redactPhi(edited, findings)).toBe("Urgent: Call [REDACTED:phone] now; backup [REDACTED:phone]");
  });
});

describe("redactAll", () => {
  it("replaces every occurrence of every literal", () => {
    expect(redactAll("John saw John Smith; Smith agreed.", ["John Smith", "John", "Smith"])).toBe(
      "[REDACTED] saw [REDACTED]; [REDACTED] agreed.",
    );
  });

  it("prefers the longest literal at a position regardless of input order", () => {
    expect(redactAll("Jane Doe", ["Jane", "Jane Doe"])).toBe("[REDACTED]");
  });

  it("treats regex metacharacters and $ patterns literally", () => {
    expect(redactAll("id (a+b)*c $1 x.y", ["(a+b)*c", "x.y"], "$&")).toBe("id $& $1 $&");
  });

  it("ignores empty literals and is case-sensitive", () => {
    expect(redactAll("Smith smith", ["", "Smith"])).toBe("[REDACTED] smith");
    expect(redactAll("unchanged", [])).toBe("unchanged");
  });
});
