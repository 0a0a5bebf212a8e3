import { describe, expect, it } from "vitest";
import { binaryCopyPieces, CopyRows, int4Field, uuidField } from "./copy-binary";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/** A binary COPY output as PostgreSQL writes it: each field null, or its bytes. */
function copyOutput(rows: (Buffer | null)[][], extension = Buffer.alloc(0)): Buffer {
  const parts: Buffer[] = [SIGNATURE, Buffer.alloc(4), Buffer.alloc(4)];
  parts[2]!.writeUInt32BE(extension.length);
  parts.push(extension);
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    for (const f of row) {
      const len = Buffer.alloc(4);
      len.writeInt32BE(f === null ? -1 : f.length);
      parts.push(len);
      if (f) parts.push(f);
    }
  }
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1);
  parts.push(trailer);
  return Buffer.concat(parts);
}

const int4 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const utf8 = (s: string) => Buffer.from(s, "utf8");

describe("CopyRows", () => {
  it("reads each row's fields where they lie: ints, bools, text, JSON, bytes and NULLs", () => {
    const rows = new CopyRows(
      copyOutput(
        [
          [int4(7), Buffer.from([1]), utf8("≥ 5 µg 😀"), utf8('{"a":[1,"é"]}'), null],
          [int4(-2), Buffer.from([0]), utf8(""), utf8("null"), utf8('"q\\"x"')],
        ],
        Buffer.from("ext"),
      ),
    );
    expect(rows.next()).toBe(true);
    expect([rows.int4(0), rows.bool(1), rows.text(2), rows.json(3)]).toEqual([
      7,
      true,
      "≥ 5 µg 😀",
      { a: [1, "é"] },
    ]);
    expect([rows.bytes(4), rows.text(4), rows.json(4)]).toEqual([null, null, null]);
    expect(rows.next()).toBe(true);
    expect([rows.int4(0), rows.bool(1), rows.text(2), rows.json(3)]).toEqual([-2, false, "", null]);
    expect(rows.bytes(4)?.toString("utf8")).toBe('"q\\"x"');
    expect(rows.next()).toBe(false);
    expect(rows.next()).toBe(false);
  });

  it("reads an output with no rows", () => {
    expect(new CopyRows(copyOutput([])).next()).toBe(false);
  });

  it("refuses what is not binary COPY output, or is cut short, or is read wrongly", () => {
    expect(() => new CopyRows(utf8("1\tabc\n"))).toThrow(/signature/);
    const whole = copyOutput([[int4(1), utf8("abcdef")]]);
    expect(() => new CopyRows(whole.subarray(0, whole.length - 5)).next()).toThrow(/ended inside a field/);
    const noTrailer = new CopyRows(whole.subarray(0, whole.length - 2));
    expect(noTrailer.next()).toBe(true);
    expect(() => noTrailer.next()).toThrow(/ended inside a row/);
    const rows = new CopyRows(whole);
    rows.next();
    expect(() => rows.int4(1)).toThrow(/not a 4-byte int4/);
    expect(() => rows.bool(0)).toThrow(/not a 1-byte bool/);
    expect(() => rows.text(2)).toThrow(/no field 2/);
  });

  it("reads rows wider than it first expects", () => {
    const wide = Array.from({ length: 40 }, (_, i) => int4(i));
    const rows = new CopyRows(copyOutput([wide]));
    expect(rows.next()).toBe(true);
    expect(rows.int4(39)).toBe(39);
  });
});

describe("binaryCopyPieces", () => {
  it("frames rows exactly as the format says, passing large fields on as the caller's own bytes", () => {
    const big = Buffer.alloc(100_000, 7);
    const rows = [
      [uuidField("0f8fad5b-d9cb-469f-a165-70867728950e"), int4Field(-3), big, utf8("deflate")],
      [null, int4Field(2 ** 31 - 1), utf8("≥ 5 µg"), null],
    ];
    const pieces = binaryCopyPieces(rows);
    expect(Buffer.concat(pieces)).toEqual(copyOutput(rows));
    // The 100 kB field is one of the pieces itself, not a copy; small fields ride in the framing.
    expect(pieces.filter((p) => p === big)).toHaveLength(1);
    expect(pieces).toHaveLength(3);
    const read = new CopyRows(Buffer.concat(pieces));
    expect(read.next()).toBe(true);
    expect(read.bytes(0)?.toString("hex")).toBe("0f8fad5bd9cb469fa16570867728950e");
    expect([read.int4(1), read.bytes(2)?.equals(big), read.text(3)]).toEqual([-3, true, "deflate"]);
    expect(read.next()).toBe(true);
    expect([read.bytes(0), read.int4(1), read.text(2), read.text(3)]).toEqual([
      null,
      2 ** 31 - 1,
      "≥ 5 µg",
      null,
    ]);
    expect(read.next()).toBe(false);
    expect(Buffer.concat(binaryCopyPieces([]))).toEqual(copyOutput([]));
  });

  it("refuses a malformed uuid", () => {
    expect(() => uuidField("0f8fad5b-d9cb-469f-a165")).toThrow(/Not a UUID/);
    expect(() => uuidField("'; DROP TABLE x; --")).toThrow(/Not a UUID/);
  });
});
