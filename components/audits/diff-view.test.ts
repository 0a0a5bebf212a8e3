import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { wordDiff } from "@/lib/audits/word-diff";
import { DiffView } from "./diff-view";
import { liveWordDiff, spansWithin } from "./live-word-diff";

const LONG = Array.from({ length: 600 }, (_, i) => `word${i}`).join(" ");

describe("liveWordDiff", () => {
  it("rebuilds both texts and finds only the edit, in a long answer", () => {
    const after = LONG.replace("word300", "word300 and more").replace("word12 ", "");
    const parts = liveWordDiff(LONG, after);
    const join = (kinds: string[]) =>
      parts
        .filter((p) => kinds.includes(p.kind))
        .map((p) => p.text)
        .join("");
    expect(join(["same", "removed"])).toBe(LONG);
    expect(join(["same", "added"])).toBe(after);
    expect(join(["added"]).trim()).toBe("and more");
    expect(join(["removed"]).trim()).toBe("word12");
    // Where the edit is at the end, the same parts as the full LCS.
    const once = LONG.replace("word599", "word599 seek care.");
    expect(liveWordDiff(LONG, once)).toEqual(wordDiff(LONG, once));
  });

  it("answers identical, emptied and fully new texts", () => {
    expect(liveWordDiff("a b", "a b")).toEqual([{ kind: "same", text: "a b" }]);
    expect(liveWordDiff("a b", "")).toEqual([{ kind: "removed", text: "a b" }]);
    expect(liveWordDiff("", "x")).toEqual([{ kind: "added", text: "x" }]);
  });

  it("cuts spans to a window, relative to its start", () => {
    expect(spansWithin([{ kind: "k", start: 3, end: 9 }], 5, 10)).toEqual([{ kind: "k", start: 0, end: 4 }]);
    expect(spansWithin([{ kind: "k", start: 0, end: 2 }], 5, 10)).toEqual([]);
  });
});

describe("DiffView", () => {
  it("marks the original's identifiers in kept words and the correction's in added ones", () => {
    const before = "Ask John Smith today.";
    const after = "Ask John Smith or Mary Jones today.";
    const html = renderToStaticMarkup(
      createElement(DiffView, {
        before,
        after,
        beforeSpans: [{ kind: "person_name", start: 4, end: 14 }],
        afterSpans: [{ kind: "person_name", start: after.indexOf("Mary"), end: after.indexOf("Mary") + 10 }],
      }),
    );
    expect([...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1])).toEqual([
      "John Smith",
      "Mary Jones",
    ]);
    expect(html).toMatch(/<ins[^>]*>.*Mary Jones.*<\/ins>/);
  });
});
