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
    expect(parseSeedFile("{not json}\n")).toMatchObject({ ok: false, status: 400, errors: [] });
    expect(parseSeedFile(`${JSON.stringify({ topic: "A" })}\n{not json}\n`)).toMatchObject({
      ok: false,
      status: 422,
      errors: [{ record: 2 }],
    });
    expect(parseSeedFile("[]")).toMatchObject({ ok: false, status: 422 });
    expect(parseSeedFile("[".repeat(100_000) + "]".repeat(100_000))).toMatchObject({ ok: false });
    const proto = parseSeedFile('[{"__proto__": {"admin": true}, "topic": "A"}]');
    expect(proto.ok).toBe(false);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("names an empty file, a file that is not JSON and a file of the wrong shape", () => {
    const good = {
      topic: "A",
      view: "B",
      type: "C",
      instruction: "Do it",
      input: "<noinput>",
      difficulty: "2",
    };
    for (const empty of ["", "\uFEFF", " \n\r\n\t"]) {
      expect(parseSeedFile(empty)).toEqual({
        ok: false,
        status: 422,
        message: "The file is empty: choose the file with the seeds",
        errors: [],
      });
    }
    const refusal = (text: string) => {
      const r = parseSeedFile(text);
      return r.ok ? { status: 0, message: "" } : { status: r.status, message: r.message };
    };
    expect(refusal("[]")).toEqual({
      status: 422,
      message: "The file holds no seeds: the JSON array is empty",
    });
    expect(refusal("topic,view,type\nA,B,C\n").status).toBe(400);
    expect(refusal("topic,view,type\nA,B,C\n").message).toMatch(
      /^The file is not JSON\. Expected a JSON array of seed objects/,
    );
    expect(refusal("[1, 2")).toMatchObject({
      status: 400,
      message: "The file is not valid JSON: it starts as a JSON array but does not parse as one",
    });
    expect(refusal('"just a string"').message).toMatch(/^The file holds a single JSON value, not seeds/);
    // A dataset file (instruction/input/output): every record is wrong, so the whole file is named the wrong kind.
    const dataset = [
      { instruction: "x", input: "", output: "y" },
      { instruction: "z", input: "", output: "w" },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    expect(refusal(dataset).status).toBe(422);
    expect(refusal(dataset).message).toMatch(/^No record is a seed\. Expected/);
    expect(parseSeedFile(JSON.stringify([good, "text", [good]]))).toMatchObject({
      ok: false,
      message: "Some records are not valid",
      errors: [
        { record: 2, field: "_", message: "Not a seed object" },
        { record: 3, field: "_", message: "Not a seed object" },
      ],
    });
    // One seed pretty-printed over several lines is a file of one seed, not broken JSON Lines.
    expect(parseSeedFile(JSON.stringify(good, null, 2))).toMatchObject({
      ok: true,
      records: [{ topic: "A" }],
    });
  });
});
