import { describe, expect, it } from "vitest";
import { decodeChunk, encodeChunk } from "./chunk-codec";

describe("export chunk codec", () => {
  it("gives back the bytes first sent, compressed smaller", async () => {
    const text = '{"instruction":"Describe the dosage.","output":"Take 5 mg twice a day."}\n'.repeat(500);
    const bytes = Buffer.from(text, "utf8");
    const stored = await encodeChunk(bytes);
    expect(stored.compression).toBe("deflate");
    expect(stored.data.byteLength).toBeLessThan(bytes.byteLength / 4);
    expect((await decodeChunk(stored.data, stored.compression)).equals(bytes)).toBe(true);
  });

  it("round-trips each half of a character split at a chunk edge", async () => {
    const bytes = Buffer.from("fièvre 🩺 fin", "utf8");
    const edge = bytes.indexOf(0xf0) + 2; // inside the four bytes of 🩺
    const parts = [bytes.subarray(0, edge), bytes.subarray(edge)];
    const back = await Promise.all(
      parts.map(async (p) => {
        const s = await encodeChunk(p);
        return decodeChunk(s.data, s.compression);
      }),
    );
    expect(Buffer.concat(back).equals(bytes)).toBe(true);
  });

  it("stores a chunk as it is when compression is off", async () => {
    const bytes = Buffer.from("plain é", "utf8");
    const stored = await encodeChunk(bytes, "none");
    expect(stored.compression).toBeNull();
    expect(stored.data.equals(bytes)).toBe(true);
    expect((await decodeChunk(stored.data, stored.compression)).equals(bytes)).toBe(true);
  });

  it("reads chunks stored before compression as they are, and refuses an unknown form", async () => {
    const plain = Buffer.from([0xe2, 0x82]);
    expect(await decodeChunk(plain, null)).toBe(plain);
    await expect(decodeChunk(plain, "lz4")).rejects.toThrow(/Unknown/);
  });
});
