import { describe, expect, it } from "vitest";
import { contextSnippet } from "./context-snippet";
import { placeholderFor, redactLiterals, redactLiteralsInJson } from "./placeholders";

describe("redactLiterals", () => {
  it("replaces every occurrence with its kind's placeholder, longest literal first", () => {
    const text = "Ask John Smith (John) or call 020 7946 0958; John Smith agreed.";
    const out = redactLiterals(text, [
      { text: "John", kind: "person_name" },
      { text: "John Smith", kind: "person_name" },
      { text: "020 7946 0958", kind: "phone" },
    ]);
    expect(out).toBe(
      "Ask [REDACTED PERSON NAME] ([REDACTED PERSON NAME]) or call [REDACTED PHONE]; [REDACTED PERSON NAME] agreed.",
    );
    expect(placeholderFor("age_over_89")).toBe("[REDACTED AGE OVER 89]");
  });

  it("treats literals as text, never as patterns, and leaves a text without them unchanged", () => {
    expect(redactLiterals("a.b and axb", [{ text: "a.b", kind: "other_id" }])).toBe(
      "[REDACTED OTHER ID] and axb",
    );
    expect(redactLiterals("nothing here", [{ text: "Jane", kind: "person_name" }])).toBe("nothing here");
  });

  it("walks drafts' JSON and reports whether anything changed", () => {
    const draft = { verdict: "revise", rationale: "Jane Doe said so", flags: ["x"], elapsedMs: 3 };
    const r = redactLiteralsInJson(draft, [{ text: "Jane Doe", kind: "person_name" }]);
    expect(r).toEqual({ changed: true, value: { ...draft, rationale: "[REDACTED PERSON NAME] said so" } });
    expect(redactLiteralsInJson(r.value, [{ text: "Jane Doe", kind: "person_name" }]).changed).toBe(false);
  });
});

describe("contextSnippet", () => {
  it("keeps the span's offsets inside a clipped piece, cut at word boundaries", () => {
    const text = `${"word ".repeat(30)}Jane Doe${" more".repeat(30)}`;
    const at = text.indexOf("Jane Doe");
    const s = contextSnippet(text, at, at + 8, 20);
    expect(s.text.slice(s.start, s.end)).toBe("Jane Doe");
    expect(s.clippedBefore && s.clippedAfter).toBe(true);
    expect(s.text.startsWith("word")).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(8 + 40);
  });

  it("shows a short text whole", () => {
    expect(contextSnippet("Jane Doe", 0, 8)).toEqual({
      text: "Jane Doe",
      start: 0,
      end: 8,
      clippedBefore: false,
      clippedAfter: false,
    });
  });
});
