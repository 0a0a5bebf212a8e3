// PostgreSQL's binary COPY format, read and written (no driver, no framework): the rows of a
// `COPY (…) TO STDOUT (FORMAT binary)` with their fields' raw bytes, and rows framed for a
// `COPY … FROM STDIN (FORMAT binary)`. A text or json field's bytes
// are its UTF-8 text as stored, so a caller that only passes text on (the curated export) never
// decodes it into a JavaScript string and encodes it back. Format: PostgreSQL's "COPY" reference,
// "Binary Format" (signature, flags, header extension, then per tuple an int16 field count and per
// field an int32 length, -1 for NULL, and that many bytes; an int16 -1 ends the data).

import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/text/is-uuid";

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");

/**
 * A cursor over a whole binary COPY output: `next()` moves to each row in turn, and the accessors
 * read that row's fields where they lie. Nothing is allocated per row but what an accessor returns,
 * so a large export's rows leave little for the garbage collector. Throws (an internal error: only
 * a bug sends it anything else) on anything that is not that format, whole.
 */
export class CopyRows {
  private at: number;
  private count = 0;
  private starts = new Int32Array(16);
  /** A field's end, or -1 for NULL. */
  private ends = new Int32Array(16);

  /** The whole output's size in bytes. */
  get byteLength(): number {
    return this.out.byteLength;
  }

  constructor(private readonly out: Buffer) {
    if (out.length < 19 || !out.subarray(0, 11).equals(SIGNATURE))
      throw new AppError("INTERNAL", "Not PostgreSQL binary COPY output (signature missing)");
    // Flags (bit 16: OIDs included, which no query output has), then the header extension's length.
    if (out.readUInt32BE(11) & 0x10000)
      throw new AppError("INTERNAL", "Binary COPY output with OIDs is not read here");
    this.at = 19 + out.readUInt32BE(15);
  }

  /** Moves to the next row; false after the last. */
  next(): boolean {
    const out = this.out;
    if (this.at + 2 > out.length) throw new AppError("INTERNAL", "Binary COPY output ended inside a row");
    const count = out.readInt16BE(this.at);
    this.at += 2;
    if (count === -1) {
      this.count = 0;
      this.at -= 2; // stay on the trailer: next() keeps answering false
      return false;
    }
    if (count > this.starts.length) {
      this.starts = new Int32Array(count);
      this.ends = new Int32Array(count);
    }
    for (let i = 0; i < count; i++) {
      if (this.at + 4 > out.length) throw new AppError("INTERNAL", "Binary COPY output ended inside a row");
      const len = out.readInt32BE(this.at);
      this.at += 4;
      this.starts[i] = this.at;
      if (len === -1) {
        this.ends[i] = -1;
        continue;
      }
      if (len < 0 || this.at + len > out.length)
        throw new AppError("INTERNAL", "Binary COPY output ended inside a field");
      this.at += len;
      this.ends[i] = this.at;
    }
    this.count = count;
    return true;
  }

  private end(i: number): number {
    if (i < 0 || i >= this.count) throw new AppError("INTERNAL", `The row has no field ${i}`);
    return this.ends[i] ?? -1;
  }

  /** The field's bytes (a view into the output, not a copy), null for NULL. */
  bytes(i: number): Buffer | null {
    const end = this.end(i);
    return end === -1 ? null : this.out.subarray(this.starts[i], end);
  }

  /** A binary int4 field. */
  int4(i: number): number {
    const end = this.end(i);
    const start = this.starts[i] ?? 0;
    if (end - start !== 4) throw new AppError("INTERNAL", `Field ${i} is not a 4-byte int4`);
    return this.out.readInt32BE(start);
  }

  /** A binary bool field. */
  bool(i: number): boolean {
    const end = this.end(i);
    const start = this.starts[i] ?? 0;
    if (end - start !== 1) throw new AppError("INTERNAL", `Field ${i} is not a 1-byte bool`);
    return this.out[start] === 1;
  }

  /** A text field as a string (null for NULL). */
  text(i: number): string | null {
    const end = this.end(i);
    return end === -1 ? null : this.out.toString("utf8", this.starts[i], end);
  }

  /** A json field (or text holding JSON), parsed (null for NULL). */
  json(i: number): unknown {
    const t = this.text(i);
    return t === null ? null : (JSON.parse(t) as unknown);
  }
}

/** A field to write: its bytes in PostgreSQL's binary form for the column's type, or NULL. */
export type TCopyField = Uint8Array | null;

/** Fields up to this size are copied into the framing; larger ones are passed on as they are. */
const INLINE_BYTES = 64;

/**
 * A whole binary COPY input holding `rows`, as pieces to send in order: the signature, counts and
 * lengths (and small fields) in a few new buffers, each large field as the caller's own bytes, so a
 * megabyte value is never copied on its way to the socket.
 */
export function binaryCopyPieces(rows: readonly (readonly TCopyField[])[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let frame: number[] = [...SIGNATURE, 0, 0, 0, 0, 0, 0, 0, 0];
  const int = (n: number, bytes: 2 | 4) => {
    for (let shift = (bytes - 1) * 8; shift >= 0; shift -= 8) frame.push((n >>> shift) & 0xff);
  };
  for (const row of rows) {
    int(row.length, 2);
    for (const field of row) {
      int(field === null ? -1 : field.byteLength, 4);
      if (field === null) continue;
      if (field.byteLength <= INLINE_BYTES) {
        for (const b of field) frame.push(b);
        continue;
      }
      pieces.push(Buffer.from(frame));
      frame = [];
      pieces.push(field);
    }
  }
  int(-1, 2);
  pieces.push(Buffer.from(frame));
  return pieces;
}

/** A uuid column's binary form: its 16 bytes. */
export function uuidField(uuid: string): Buffer {
  if (!isUuid(uuid)) throw new AppError("INTERNAL", "Not a UUID");
  return Buffer.from(uuid.replaceAll("-", ""), "hex");
}

/** An int4 column's binary form. */
export function int4Field(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}
