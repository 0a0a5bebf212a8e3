/**
 * Builds one UTF-8 buffer from text and byte pieces, in place: strings are encoded straight into
 * it, byte pieces (UTF-8 already, as PostgreSQL sent them) copied as they are. The curated export
 * writes each line as it is made, so a line's pieces are garbage at once instead of living until
 * a whole window is joined (young-generation collections copy whatever is still alive).
 */
export class Utf8Writer {
  private buf: Buffer;
  private at = 0;

  /** `capacity`: the expected size; the buffer grows (by half again) past it. */
  constructor(capacity: number) {
    this.buf = Buffer.allocUnsafe(Math.max(64, capacity));
  }

  get byteLength(): number {
    return this.at;
  }

  put(piece: string | Uint8Array): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4);
    // a long string is measured rather than reserved for at three times its length.
    const need =
      typeof piece === "string"
        ? piece.length > 4096
          ? Buffer.byteLength(piece, "utf8")
          : piece.length * 3
        : piece.byteLength;
    if (this.at + need > this.buf.byteLength) {
      const grown = Buffer.allocUnsafe(Math.max(this.at + need, Math.ceil(this.buf.byteLength * 1.5)));
      this.buf.copy(grown, 0, 0, this.at);
      this.buf = grown;
    }
    if (typeof piece === "string") this.at += this.buf.write(piece, this.at, "utf8");
    else {
      this.buf.set(piece, this.at);
      this.at += piece.byteLength;
    }
  }

  /**
   * The bytes written so far. A view when they fill most of the buffer; a copy when they fill less
   * than half, so a window that yields few lines does not hold its whole buffer while it is sent.
   */
  bytes(): Buffer {
    const view = this.buf.subarray(0, this.at);
    return this.at * 2 < this.buf.byteLength ? Buffer.from(view) : view;
  }
}
