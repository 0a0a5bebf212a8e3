import { describe, expect, it } from "vitest";
import { wordDiff } from "./word-diff";

describe("wordDiff", () => {
  it("marks removed and added words and rebuilds both texts", () => {
    const d = wordDiff("Take aspirin daily.", "Take paracetamol daily. See a GP.");
    expect(d).toEqual([
      { kind: "same", text: "Take " },
      { kind: "removed", text: "aspirin" },
      { kind: "added", text: "paracetamol" },
      { kind: "same", text: " daily." },
      { kind: "added", text: " See a GP." },
    ]);
    const rebuild = (keep: string) =>
      d
        .filter((p) => p.kind === "same" || p.kind === keep)
        .map((p) => p.text)
        .join("");
    expect(rebuild("removed")).toBe("Take aspirin daily.");
    expect(rebuild("added")).toBe("Take paracetamol daily. See a GP.");
  });
  it("returns only same parts for equal texts", () => {
    expect(wordDiff("a b", "a b")).toEqual([{ kind: "same", text: "a b" }]);
  });
});
