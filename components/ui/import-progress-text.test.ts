import { describe, expect, it } from "vitest";
import { elapsedLabel, percentOf, sizeLabel } from "./import-progress-text";

describe("import progress text", () => {
  it("sizes files in B, KB and MB", () => {
    expect(sizeLabel(812)).toBe("812 B");
    expect(sizeLabel(4300)).toBe("4.2 KB");
    expect(sizeLabel(1_137_791)).toBe("1.1 MB");
  });
  it("clamps the percentage and reads an unknown total as 0", () => {
    expect(percentOf(50, 200)).toBe(25);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(10, 0)).toBe(0);
  });
  it("says seconds, then minutes and seconds", () => {
    expect(elapsedLabel(4_900)).toBe("4 s");
    expect(elapsedLabel(65_000)).toBe("1 min 05 s");
    expect(elapsedLabel(-5)).toBe("0 s");
  });
});
