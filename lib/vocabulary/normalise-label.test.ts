import { describe, expect, it } from "vitest";
import { normaliseLabel } from "./normalise-label";

describe("normaliseLabel", () => {
  it("folds case, hyphens, curly quotes and whitespace", () => {
    expect(normaliseLabel("Multiple Choice Q&A")).toBe(normaliseLabel("Multiple-choice Q&A"));
    expect(normaliseLabel("  Single-Hop   Reasoning ")).toBe("single hop reasoning");
    expect(normaliseLabel("Patient’s Perspective")).toBe(normaliseLabel("Patient's Perspective"));
  });

  it("does not fold plurals or different words", () => {
    expect(normaliseLabel("Classifications")).not.toBe(normaliseLabel("Classification"));
    expect(normaliseLabel("Multi-hop reasoning")).not.toBe(normaliseLabel("Multiple-hop Reasoning"));
    expect(normaliseLabel("USMLE Style Q&A")).not.toBe(normaliseLabel("USMLE Style QA"));
  });
});
