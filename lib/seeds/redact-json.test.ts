import { describe, expect, it } from "vitest";
import { redactJson } from "./redact-json";

describe("redactJson", () => {
  it("redacts the literal in nested strings and says whether it changed anything", () => {
    const r = redactJson({ a: "Mr John Smith came", b: ["John Smith", 3, null], c: { d: true } }, [
      "John Smith",
    ]);
    expect(r.changed).toBe(true);
    expect(JSON.stringify(r.value)).not.toContain("John Smith");
    expect(r.value).toMatchObject({ b: [expect.any(String), 3, null], c: { d: true } });
    expect(redactJson({ a: "nothing here" }, ["John Smith"]).changed).toBe(false);
  });
});
