import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { createRng } from "../random";
import { rougeL } from "./rouge-l";
import { createSimilarityIndex, type SimilarityEntry, type SimilarityMatch } from "./similarity-index";

function bruteForce(
  entries: readonly SimilarityEntry[],
  text: string,
  k: number,
  excludeId?: string,
): SimilarityMatch[] {
  return entries
    .filter((e) => e.id !== excludeId)
    .map((e) => ({ id: e.id, score: rougeL(text, e.text).fmeasure }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, k);
}

describeEachSource("alpacare/med_seed.json", "similarity index over the seed instructions", (file) => {
  const seeds = JSON.parse(readFileSync(file, "utf8")) as {
    instruction: string;
  }[];
  const seedEntries = seeds.map((s, i) => ({
    id: `seed-${String(i).padStart(3, "0")}`,
    text: s.instruction,
  }));

  describe("createSimilarityIndex", () => {
    it("finds an exact duplicate with score 1", () => {
      const index = createSimilarityIndex(seedEntries);
      const target = seedEntries[10];
      if (!target) throw new Error("fixture");
      const [top] = index.query(target.text, 3);
      expect(top).toEqual({ id: target.id, score: 1 });
    });

    it("excludes the given id (e.g. the seed being edited)", () => {
      const index = createSimilarityIndex(seedEntries);
      const target = seedEntries[10];
      if (!target) throw new Error("fixture");
      const results = index.query(target.text, 5, target.id);
      expect(results.map((r) => r.id)).not.toContain(target.id);
      expect(results).toEqual(bruteForce(seedEntries, target.text, 5, target.id));
    });

    it("returns nothing for empty queries, k = 0, or no shared tokens", () => {
      const index = createSimilarityIndex(seedEntries);
      expect(index.query("", 5)).toEqual([]);
      expect(index.query("—", 5)).toEqual([]);
      expect(index.query("explain", 0)).toEqual([]);
      expect(index.query("zzqx wvvk", 5)).toEqual([]);
      expect(() => index.query("explain", -1)).toThrow(RangeError);
    });

    it("agrees with brute force on every seed instruction as a query", () => {
      const index = createSimilarityIndex(seedEntries);
      for (const entry of seedEntries) {
        expect(index.query(entry.text, 5, entry.id)).toEqual(
          bruteForce(seedEntries, entry.text, 5, entry.id),
        );
      }
    });

    it("agrees with brute force on random mutations, including ties and long texts", () => {
      const random = createRng("index-property", "mulberry32");
      const words = seedEntries.flatMap((e) => e.text.split(/\s+/));
      const pick = (): string => words[random.nextInt(words.length)] ?? "";
      const entries: SimilarityEntry[] = [];
      for (let i = 0; i < 400; i++) {
        const length = 1 + random.nextInt(i % 20 === 0 ? 90 : 30);
        entries.push({ id: `e${i}`, text: Array.from({ length }, pick).join(" ") });
      }
      // Exact copies under different ids force score ties.
      entries.push(
        { id: "dup-b", text: entries[3]?.text ?? "" },
        { id: "dup-a", text: entries[3]?.text ?? "" },
      );
      const index = createSimilarityIndex(entries);
      for (let q = 0; q < 60; q++) {
        const text = Array.from({ length: 1 + random.nextInt(q % 10 === 0 ? 80 : 35) }, pick).join(" ");
        const k = 1 + random.nextInt(12);
        expect(index.query(text, k)).toEqual(bruteForce(entries, text, k));
      }
      expect(index.query(entries[3]?.text ?? "", 3).map((m) => m.id)).toEqual(["dup-a", "dup-b", "e3"]);
    });

    it("supports add, update and remove", () => {
      const index = createSimilarityIndex();
      index.add({ id: "a", text: "Explain the pathophysiology of heart failure" });
      index.add({ id: "b", text: "List the side effects of metformin" });
      expect(index.size).toBe(2);
      expect(() => index.add({ id: "a", text: "again" })).toThrow(/duplicate/);

      expect(index.query("Explain the pathophysiology of heart failure", 1)).toEqual([{ id: "a", score: 1 }]);

      index.update({ id: "a", text: "Describe asthma management in children" });
      expect(index.query("Explain the pathophysiology of heart failure", 2).map((m) => m.id)).toEqual(["b"]);
      expect(index.query("asthma management children", 1)[0]?.id).toBe("a");
      expect(() => index.update({ id: "zzz", text: "x" })).toThrow(/unknown/);

      expect(index.remove("a")).toBe(true);
      expect(index.remove("a")).toBe(false);
      expect(index.has("a")).toBe(false);
      expect(index.size).toBe(1);
      expect(index.query("asthma management children", 5)).toEqual([]);

      // Freed slots are reused without leaking old postings.
      index.add({ id: "c", text: "Summarise asthma guidelines" });
      expect(index.query("asthma", 5)).toEqual([
        { id: "c", score: rougeL("asthma", "Summarise asthma guidelines").fmeasure },
      ]);
    });

    it("stays consistent with brute force through a random sequence of edits", () => {
      const random = createRng("index-edits", "mulberry32");
      const live = new Map<string, string>();
      const index = createSimilarityIndex();
      for (let step = 0; step < 600; step++) {
        const id = `x${random.nextInt(80)}`;
        const text = seedEntries[random.nextInt(seedEntries.length)]?.text ?? "";
        const action = random.nextInt(3);
        if (action === 0 && !live.has(id)) {
          index.add({ id, text });
          live.set(id, text);
        } else if (action === 1 && live.has(id)) {
          index.update({ id, text });
          live.set(id, text);
        } else if (action === 2) {
          expect(index.remove(id)).toBe(live.delete(id));
        }
      }
      const entries = [...live].map(([id, text]) => ({ id, text }));
      expect(index.size).toBe(entries.length);
      for (const probe of seedEntries.slice(0, 30)) {
        expect(index.query(probe.text, 4)).toEqual(bruteForce(entries, probe.text, 4));
      }
    });

    it("flags a near-duplicate above the self-instruct threshold", () => {
      const index = createSimilarityIndex(seedEntries);
      const [top] = index.query("Explain what multiple sclerosis is and describe its pathophysiology.", 1);
      expect(top?.score).toBeGreaterThan(0.7);
    });
  });

  it("with a cut-off, finds every match above it that it finds without one", () => {
    const random = createRng("index-above", "mulberry32");
    const words =
      "explain angina asthma dose renal patient chest pain breath the of a and with for in to".split(" ");
    const pick = (): string => words[random.nextInt(words.length)] ?? "";
    const entries: SimilarityEntry[] = [];
    for (let i = 0; i < 300; i++) {
      // Every third entry is a small edit of an earlier one: near duplicates to find.
      const base = i % 3 === 2 ? (entries[random.nextInt(entries.length)]?.text ?? "") : "";
      const text = base
        ? `${base} ${pick()}`
        : Array.from({ length: 4 + random.nextInt(12) }, pick).join(" ");
      entries.push({ id: `e${i}`, text });
    }
    const index = createSimilarityIndex(entries);
    let found = 0;
    for (const entry of entries.slice(0, 120)) {
      for (const cut of [0.5, 0.7]) {
        const above = (ms: SimilarityMatch[]) => ms.filter((m) => m.score > cut);
        const full = above(index.query(entry.text, 3, entry.id));
        found += full.length;
        expect(above(index.query(entry.text, 3, entry.id, cut))).toEqual(full);
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
