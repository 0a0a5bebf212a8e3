import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeEachSource } from "@/tests/support/each-data-source";
import { parseSeedFile } from "./parse-seed-file";

describeEachSource("alpacare/med_seed.json", "parseSeedFile on the seed file", (seedPath) => {
  it("reads med_seed.json: 167 records, <noinput> becomes empty, difficulty a number", () => {
    const r = parseSeedFile(readFileSync(seedPath, "utf8"));
    if (!r.ok) throw new Error(r.message);
    expect(r.records).toHaveLength(167);
    expect(r.records[0]).toMatchObject({ topic: "Neurology", input: "", difficulty: 1 });
    expect(r.records.every((x) => x.difficulty >= 1 && x.difficulty <= 5)).toBe(true);
  });
});

describe("parseSeedFile", () => {
  it("reads JSON Lines and reports each bad record with its number and field", () => {
    const good = {
      topic: "A",
      view: "B",
      type: "C",
      instruction: "Do it",
      input: "<noinput>",
      difficulty: "2",
    };
    expect(parseSeedFile(`${JSON.stringify(good)}\n\n${JSON.stringify(good)}\n`)).toMatchObject({ ok: true });
    const bad = parseSeedFile(
      [good, { ...good, difficulty: "7" }, { ...good, instruction: "  " }, { ...good, extra: 1 }]
        .map((x) => JSON.stringify(x))
        .join("\n"),
    );
    expect(bad).toMatchObject({
      ok: false,
      status: 422,
      errors: [
        { record: 2, field: "difficulty" },
        { record: 3, field: "instruction" },
        { record: 4, field: "extra", message: "Unknown field" },
      ],
    });
  });

  it("refuses malformed and hostile bodies", () => {
    expect(parseSeedFile("[{")).toMatchObject({ ok: false, status: 400 });
    expect(parseSeedFile("{not json}\n")).toMatchObject({ ok: false, status: 422, errors: [{ record: 1 }] });
    expect(parseSeedFile("[]")).toMatchObject({ ok: false, status: 422 });
    expect(parseSeedFile("[".repeat(100_000) + "]".repeat(100_000))).toMatchObject({ ok: false });
    const proto = parseSeedFile('[{"__proto__": {"admin": true}, "topic": "A"}]');
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });
});
