import { describe, expect, it } from "vitest";
import { copyField, copyRow } from "./copy-row";
import { contentHash } from "./validate-record";

/** PostgreSQL's reading of a COPY text field, to check the escaping round-trips. */
function unescape(field: string): string | null {
  if (field === "\\N") return null;
  return field.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c] ?? c);
}

describe("copyRow", () => {
  it("escapes exactly backslash, tab, newline and carriage return, and leaves other text alone", () => {
    expect(copyField("plain µg ≥ 5 °C")).toBe("plain µg ≥ 5 °C");
    expect(copyField("a\\b\tc\nd\r\ne \\N")).toBe("a\\\\b\\tc\\nd\\r\\ne \\\\N");
  });

  it("writes seven tab-separated fields that read back as the record, metadata as JSON text or \\N", () => {
    const instruction = "Dose\tfor 12\\kg?\n(child)";
    const input = "line 1\r\nline 2 \\N";
    const output = "1. Give 15 mg/kg.\n2. Review in 24 h.";
    const metadata = { topic: "paediatric\tdose", note: 'quote " and \\ and \n' };
    const row = copyRow("d0d0d0d0-0000-4000-8000-000000000000", 7, {
      instruction,
      input,
      output,
      metadata,
      context: null,
      contentHash: contentHash(instruction, input, output),
    });
    expect(row.endsWith("\n")).toBe(true);
    const fields = row.slice(0, -1).split("\t").map(unescape);
    expect(fields).toEqual([
      "d0d0d0d0-0000-4000-8000-000000000000",
      "7",
      instruction,
      input,
      output,
      JSON.stringify(metadata),
      null,
      contentHash(instruction, input, output),
    ]);
    const bare = copyRow("d", 1, {
      instruction: "i",
      input: "",
      output: "o",
      metadata: null,
      context: null,
      contentHash: "h",
    });
    expect(bare).toBe("d\t1\ti\t\to\t\\N\t\\N\th\n");
  });

  it("writes a conversation's context turns as JSON text that reads back as the turns", () => {
    const context = [
      { role: "system" as const, content: "Be careful.\tTabs\\ and\nlines" },
      { role: "user" as const, content: "Πονάει το κεφάλι μου 🤕" },
    ];
    const row = copyRow("d", 2, {
      instruction: "q",
      input: "",
      output: "a",
      metadata: null,
      context,
      contentHash: "h",
    });
    const fields = row.slice(0, -1).split("\t").map(unescape);
    expect(fields).toHaveLength(8);
    expect(JSON.parse(fields[6] ?? "")).toEqual(context);
  });
});
