import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCorpus } from "../score";
import { PHI_KINDS } from "../types";
import { buildCorpusPart } from "./build";

const read = (part: "tune" | "test") => readFileSync(new URL(`./${part}.jsonl`, import.meta.url), "utf8");
const TITLE_BEFORE = /\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\.?\s+$/;

describe.each(["tune", "test"] as const)("PHI corpus, %s part", (part) => {
  const lines = parseCorpus(read(part));

  it("is the generator's output, byte for byte", () => {
    const expected =
      buildCorpusPart(part)
        .map((l) => JSON.stringify(l))
        .join("\n") + "\n";
    expect(read(part)).toBe(expected);
  });

  it("has spans that are non-empty, in bounds, of known kinds, ordered and not overlapping", () => {
    for (const { text, spans } of lines) {
      let last = 0;
      for (const s of spans) {
        expect(s.start, text).toBeGreaterThanOrEqual(last);
        expect(s.end, text).toBeGreaterThan(s.start);
        expect(s.end, text).toBeLessThanOrEqual(text.length);
        expect(text.slice(s.start, s.end).trim(), text).toBe(text.slice(s.start, s.end));
        expect(PHI_KINDS, text).toContain(s.kind);
        last = s.end;
      }
    }
  });

  it("is at least 200 sentences, half with identifiers and half hard negatives", () => {
    const positives = lines.filter((l) => l.spans.length > 0).length;
    expect(lines.length).toBeGreaterThanOrEqual(200);
    expect(positives).toBe(lines.length - positives);
  });

  it("holds at least 20 instances of every category, and 30% or more names without a title", () => {
    const spans = lines.flatMap((l) => l.spans.map((s) => ({ ...s, text: l.text })));
    for (const kind of PHI_KINDS)
      expect(spans.filter((s) => s.kind === kind).length, kind).toBeGreaterThanOrEqual(20);
    const names = spans.filter((s) => s.kind === "person_name");
    const untitled = names.filter((s) => !TITLE_BEFORE.test(s.text.slice(0, s.start)));
    expect(untitled.length / names.length).toBeGreaterThanOrEqual(0.3);
  });
});

it("keeps the test part's sentences out of the tuning part", () => {
  const tune = new Set(parseCorpus(read("tune")).map((l) => l.text));
  expect(parseCorpus(read("test")).filter((l) => tune.has(l.text))).toEqual([]);
});
