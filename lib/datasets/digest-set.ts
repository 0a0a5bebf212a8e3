/**
 * The content hashes an import has already written, kept as the first 64 bits of each SHA-256 in
 * one open-addressing table of typed arrays: 16 bytes a record at most (about 1.6 MB for 52k
 * records, where a Set of hex strings held ~100 bytes each). It may answer "seen" for a hash it
 * has not seen (two hashes sharing 64 bits), never the reverse: a "seen" record goes to the
 * database's own unique (datasetId, contentHash) check, which decides exactly.
 */
export class DigestSet {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private used = 0;

  /** Adds the hash (hex); false when it (or another sharing its first 64 bits) was there. */
  add(hexHash: string): boolean {
    let h = parseInt(hexHash.slice(0, 8), 16) >>> 0;
    const l = parseInt(hexHash.slice(8, 16), 16) >>> 0;
    // (0, 0) marks an empty slot: such a hash is stored as (1, 0), at worst one more false "seen".
    if (h === 0 && l === 0) h = 1;
    if ((this.used + 1) * 2 > this.hi.length) this.grow();
    return this.insert(h, l);
  }

  get size(): number {
    return this.used;
  }

  private insert(h: number, l: number): boolean {
    const mask = this.hi.length - 1;
    // The hash is uniform already: its low bits pick the slot.
    for (let i = l & mask; ; i = (i + 1) & mask) {
      const sh = this.hi[i] as number;
      const sl = this.lo[i] as number;
      if (sh === 0 && sl === 0) {
        this.hi[i] = h;
        this.lo[i] = l;
        this.used += 1;
        return true;
      }
      if (sh === h && sl === l) return false;
    }
  }

  private grow(): void {
    const { hi, lo } = this;
    this.hi = new Uint32Array(hi.length * 2);
    this.lo = new Uint32Array(lo.length * 2);
    this.used = 0;
    for (let i = 0; i < hi.length; i++)
      if (hi[i] !== 0 || lo[i] !== 0) this.insert(hi[i] as number, lo[i] as number);
  }
}
