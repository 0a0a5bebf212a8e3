import { describe, expect, it } from "vitest";
import { Utf8Writer } from "./utf8-writer";

const utf8 = (s: string) => Buffer.from(s, "utf8");

function write(pieces: (string | Uint8Array)[], capacity = 0): Buffer {
  const w = new Utf8Writer(capacity);
  for (const p of pieces) w.put(p);
  expect(w.byteLength).toBe(w.bytes().byteLength);
  return w.bytes();
}

describe("Utf8Writer", () => {
  it("gives the bytes of the text the pieces spell, strings encoded and bytes copied", () => {
    const pieces = ['{"a":', utf8('"≥ 5 µg 😀"'), ',"b":"é"', utf8('"x"'), "}", "\n"];
    const text = pieces.map((p) => (typeof p === "string" ? p : p.toString("utf8"))).join("");
    expect(write(pieces).equals(utf8(text))).toBe(true);
    expect(write(pieces, 1_000_000).equals(utf8(text))).toBe(true);
  });

  it("handles no pieces, only strings, only bytes and empty pieces", () => {
    expect(write([]).byteLength).toBe(0);
    expect(write(["😀", "", "ü"]).toString("utf8")).toBe("😀ü");
    expect(write([utf8("ab"), new Uint8Array(0), utf8("ç")]).toString("utf8")).toBe("abç");
  });

  it("grows past its capacity without losing what it holds, even with the widest characters", () => {
    const wide = "\u{10FFFF}".repeat(1000) + "\uFFFF".repeat(1000);
    const pieces = Array.from({ length: 50 }, (_, i) => (i % 2 ? utf8(`${i}:${wide}`) : `${wide}|${i}`));
    const text = pieces.map((p) => (typeof p === "string" ? p : p.toString("utf8"))).join("");
    expect(write(pieces, 10).toString("utf8")).toBe(text);
  });
});
