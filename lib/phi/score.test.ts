import { describe, expect, it } from "vitest";
import { parseCorpus, scorePhi, type TScoredSpan } from "./score";

const fixed = (findings: TScoredSpan[]) => () => findings;

describe("scorePhi", () => {
  const line = {
    text: "Patient John Smith, MRN 12345678.",
    spans: [
      { start: 8, end: 18, kind: "person_name" as const },
      { start: 24, end: 32, kind: "record_number" as const },
    ],
  };

  it("counts a span found when findings cover at least half of it, and kind agreement beside", () => {
    const score = scorePhi(
      [line],
      fixed([
        { start: 8, end: 12, kind: "person_name" },
        { start: 24, end: 32, kind: "phone" },
      ]),
    );
    expect(score.byKind.person_name).toEqual({ labelled: 1, found: 0, kindAgrees: 0, recall: 0 });
    expect(score.byKind.record_number).toEqual({ labelled: 1, found: 1, kindAgrees: 0, recall: 1 });
    expect(score.overall.recall).toBe(0.5);
    const half = scorePhi([line], fixed([{ start: 13, end: 18, kind: "person_name" }]));
    expect(half.byKind.person_name?.found).toBe(1);
    expect(half.byKind.person_name?.kindAgrees).toBe(1);
  });

  it("lets several findings together cover a span", () => {
    const score = scorePhi(
      [line],
      fixed([
        { start: 8, end: 12, kind: "person_name" },
        { start: 13, end: 15, kind: "person_name" },
      ]),
    );
    expect(score.byKind.person_name?.found).toBe(1);
  });

  it("counts findings that overlap no labelled span as false positives, in positive sentences too", () => {
    const score = scorePhi(
      [line],
      fixed([
        { start: 0, end: 7, kind: "person_name" },
        { start: 8, end: 18, kind: "person_name" },
      ]),
    );
    expect(score.falsePositives).toBe(1);
    expect(score.precision).toBe(0.5);
    expect(score.negativeSentences).toBe(0);
  });

  it("reports the share of negative sentences with any finding", () => {
    const negatives = [
      { text: "BP 120/80", spans: [] },
      { text: "Dr. on call", spans: [] },
    ];
    const score = scorePhi(negatives, (t) =>
      t.startsWith("Dr") ? [{ start: 0, end: 3, kind: "person_name" }] : [],
    );
    expect(score.negativeSentencesWithFindings).toBe(1);
    expect(score.negativeFindingRate).toBe(0.5);
    expect(score.precision).toBe(0);
  });

  it("keeps non-Latin names out of the floors and reports them separately", () => {
    const score = scorePhi(
      [{ text: "Patient 王伟 seen", spans: [{ start: 8, end: 10, kind: "person_name" }] }],
      fixed([]),
    );
    expect(score.overall.labelled).toBe(0);
    expect(score.nonLatinNames).toEqual({ labelled: 1, found: 0, kindAgrees: 0, recall: 0 });
  });
});

describe("parseCorpus", () => {
  it("reads JSONL and names the bad line", () => {
    expect(parseCorpus('{"text":"a","spans":[]}\n\n')).toEqual([{ text: "a", spans: [] }]);
    expect(() => parseCorpus('{"text":"a","spans":[]}\n{"text":1}')).toThrow("line 2");
    expect(() => parseCorpus("{oops")).toThrow("line 1: not JSON");
  });

  it("rejects spans out of bounds and kinds the detector does not have", () => {
    expect(() => parseCorpus('{"text":"ab","spans":[{"start":1,"end":3,"kind":"email"}]}')).toThrow(
      "not within the text",
    );
    expect(() => parseCorpus('{"text":"ab","spans":[{"start":0,"end":2,"kind":"name"}]}')).toThrow(
      'unknown kind "name"',
    );
  });
});
