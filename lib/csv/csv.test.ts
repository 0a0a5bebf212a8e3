import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, toCsv } from "./csv";

describe("csv", () => {
  it("neutralises formula starts in text cells", () => {
    for (const s of ["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx"])
      expect(csvCell(s).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(-3)).toBe("-3");
  });
  it("quotes per RFC 4180 and round-trips", () => {
    const rows = [["a,b", 'say "hi"', "line1\nline2", "=1+1", ""]];
    const text = toCsv(["h1", "h2", "h3", "h4", "h5"], rows);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text).toContain('"say ""hi"""');
    const back = parseCsv(text);
    expect(back[0]).toEqual(["h1", "h2", "h3", "h4", "h5"]);
    expect(back[1]).toEqual(["a,b", 'say "hi"', "line1\nline2", "'=1+1", ""]);
  });
  it("writes dates as ISO and null as empty", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(csvCell(null)).toBe("");
  });
});
