import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DigestSet } from "./digest-set";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");

describe("DigestSet", () => {
  it("answers true for a new hash and false for one it holds, across growth", () => {
    const set = new DigestSet();
    const hashes = Array.from({ length: 20_000 }, (_, i) => sha(`record ${i}`));
    expect(hashes.every((h) => set.add(h))).toBe(true);
    expect(set.size).toBe(20_000);
    expect(hashes.some((h) => set.add(h))).toBe(false);
    expect(set.size).toBe(20_000);
  });

  it("compares the first 64 bits: hashes differing only later count as seen (the database then decides)", () => {
    const set = new DigestSet();
    const a = `${"ab".repeat(8)}${"0".repeat(48)}`;
    expect(set.add(a)).toBe(true);
    expect(set.add(`${"ab".repeat(8)}${"1".repeat(48)}`)).toBe(false);
    expect(set.add(`${"ab".repeat(7)}ac${"0".repeat(48)}`)).toBe(true);
  });

  it("keeps an all-zero prefix apart from the empty slot marker", () => {
    const set = new DigestSet();
    expect(set.add("0".repeat(64))).toBe(true);
    expect(set.add("0".repeat(64))).toBe(false);
  });
});
