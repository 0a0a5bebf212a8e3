import { describe, expect, it } from "vitest";
import { parseBody, sniffFormat, type TParsed } from "./parse-body";
import { splitJsonArray } from "./split-json-array";
import { validateRecord } from "./validate-record";

async function* bytes(text: string, size: number): AsyncGenerator<Uint8Array> {
  const all = new TextEncoder().encode(text);
  for (let i = 0; i < all.length; i += size) yield await Promise.resolve(all.slice(i, i + size));
}
async function* strings(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield await Promise.resolve(p);
}
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}
async function parse(text: string, size = 7): Promise<TParsed[]> {
  const { format, chunks } = await sniffFormat(bytes(text, size));
  return collect(parseBody(chunks, format));
}

describe("validateRecord", () => {
  it("keeps the three fields, defaults input, keeps other fields as metadata", () => {
    const r = validateRecord({ instruction: "Explain", output: "ok", topic: "x", n: 3 });
    expect(r).toMatchObject({
      ok: true,
      record: { instruction: "Explain", input: "", output: "ok", metadata: { topic: "x", n: 3 } },
    });
  });
  it("refuses wrong types, missing instruction, NUL bytes and huge fields", () => {
    expect(validateRecord({ instruction: 5 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("instruction") as string,
    });
    expect(validateRecord({ input: "x", output: "o" })).toMatchObject({
      ok: false,
      reason: '"instruction" is missing',
    });
    expect(validateRecord({ instruction: "a", output: ["x"] })).toMatchObject({ ok: false });
    expect(validateRecord({ instruction: "a\u0000b" })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("NUL") as string,
    });
    expect(validateRecord({ instruction: "a", meta: "\ud800x" })).toMatchObject({ ok: false });
    expect(validateRecord({ instruction: "emoji \ud83d\ude00 ok", output: "o" })).toMatchObject({ ok: true });
    expect(validateRecord({ instruction: "a", meta: { deep: ["\u0000"] } })).toMatchObject({ ok: false });
    expect(validateRecord({ instruction: "x".repeat(20_001) })).toMatchObject({ ok: false });
    expect(validateRecord([1])).toMatchObject({ ok: false, reason: "not a JSON object" });
  });
  it("requires a non-empty output, from the field the mapping names, and flags its absence", () => {
    expect(validateRecord({ instruction: "a" })).toEqual({
      ok: false,
      reason: '"output" is missing',
      missingOutput: true,
    });
    expect(validateRecord({ instruction: "a", output: "  \n" })).toEqual({
      ok: false,
      reason: '"output" is empty',
      missingOutput: true,
    });
    expect(validateRecord({ instruction: "a", output: 3 })).toEqual({
      ok: false,
      reason: '"output" must be a string',
    });
    expect(validateRecord({ instruction: "", output: "" })).toMatchObject({
      ok: false,
      reason: '"instruction" is empty; "output" is empty',
    });
  });
  it("reads instruction, input and output from mapped fields; everything else, the unmapped core names too, is metadata", () => {
    const med = {
      id: 0,
      instruction: "Fever after the tropics?",
      difficulty: "3",
      "gpt-4-answer": "Possibly malaria.",
      "claude-2": " Several causes.",
    };
    const mapping = { instruction: "instruction", input: "", output: "gpt-4-answer" };
    expect(validateRecord(med, mapping)).toMatchObject({
      ok: true,
      record: {
        instruction: "Fever after the tropics?",
        input: "",
        output: "Possibly malaria.",
        metadata: { id: 0, difficulty: "3", "claude-2": " Several causes." },
      },
    });
    expect(validateRecord(med)).toMatchObject({ ok: false, missingOutput: true });
    const renamed = validateRecord(
      { q: "Why?", ctx: "c", a: "Because.", output: "old", input: "old input" },
      { instruction: "q", input: "ctx", output: "a" },
    );
    expect(renamed).toMatchObject({
      ok: true,
      record: {
        instruction: "Why?",
        input: "c",
        output: "Because.",
        metadata: { output: "old", input: "old input" },
      },
    });
    // Inherited names are not fields of the record.
    expect(
      validateRecord(
        { instruction: "a", output: "b" },
        { instruction: "instruction", input: "", output: "toString" },
      ),
    ).toMatchObject({ ok: false, missingOutput: true });
  });
  it("hashes equal content equally, different content differently", () => {
    const a = validateRecord({ instruction: "a", input: "", output: "o", meta: 1 });
    const b = validateRecord({ instruction: "a", output: "o" });
    const c = validateRecord({ instruction: "a", output: "p" });
    if (!a.ok || !b.ok || !c.ok) throw new Error("expected valid");
    expect(a.record.contentHash).toBe(b.record.contentHash);
    expect(a.record.contentHash).not.toBe(c.record.contentHash);
  });
});

describe("parseBody", () => {
  it("splits JSON lines across arbitrary chunk boundaries, CRLF and blank lines included", async () => {
    const text =
      '{"instruction":"é one","output":"o"}\r\n\n{"instruction":"two","input":"i","output":"o"}\n{"instruction":"three","output":"o"}';
    const out = await parse(text, 3);
    expect(out.map((p) => p.kind === "record" && p.record.instruction)).toEqual(["é one", "two", "three"]);
    expect(out.map((p) => p.index)).toEqual([1, 3, 4]);
  });
  it("passes the mapping through and names each object's fields, valid or not", async () => {
    const { format, chunks } = await sniffFormat(
      bytes('{"instruction":"q","answer":"a"}\n{"instruction":"r","other":1}\n"text"\n', 4),
    );
    const out = await collect(
      parseBody(chunks, format, { instruction: "instruction", input: "", output: "answer" }),
    );
    expect(out).toEqual([
      expect.objectContaining({
        kind: "record",
        keys: ["instruction", "answer"],
        record: expect.objectContaining({ output: "a" }) as unknown,
      }),
      {
        kind: "invalid",
        index: 2,
        reason: '"answer" is missing',
        keys: ["instruction", "other"],
        missingOutput: true,
      },
      { kind: "invalid", index: 3, reason: "not a JSON object" },
    ]);
  });
  it("reports broken lines by number", async () => {
    const out = await parse('{"instruction":"ok","output":"o"}\n{"instruction": "x"\n{"instruction": 1}\n');
    expect(out).toEqual([
      expect.objectContaining({ kind: "record", index: 1 }),
      { kind: "invalid", index: 2, reason: "not valid JSON" },
      expect.objectContaining({ kind: "invalid", index: 3 }),
    ]);
  });
  it("refuses a line that is not valid UTF-8 by its number, and an array that is not, whole", async () => {
    const raw = (...parts: (string | number[])[]) =>
      (async function* () {
        for (const p of parts)
          yield await Promise.resolve(
            typeof p === "string" ? new TextEncoder().encode(p) : new Uint8Array(p),
          );
      })();
    const lines = await collect(
      parseBody(
        raw(
          '{"instruction":"ok","output":"o"}\n{"instruction":"caf',
          [0xc3],
          '"}\n{"output":"o","instruction":"',
          [0xc3, 0xa9],
          '"}\n',
        ),
        "jsonl",
      ),
    );
    expect(lines).toEqual([
      expect.objectContaining({ kind: "record", index: 1 }),
      { kind: "invalid", index: 2, reason: "is not valid UTF-8" },
      expect.objectContaining({
        kind: "record",
        index: 3,
        record: expect.objectContaining({ instruction: "é" }) as unknown,
      }),
    ]);
    await expect(collect(parseBody(raw('[{"instruction":"', [0xff], '"}]'), "array"))).rejects.toThrow(
      "not valid UTF-8",
    );
  });
  it("streams JSON array elements with strings holding brackets, commas and escapes", async () => {
    const text =
      ' [ {"instruction":"a, [b] {c}","input":"\\"q\\" \\\\","output":"o"} ,\n{"instruction":"d","x":[1,{"y":"]"}],"output":"o"} ]  ';
    const out = await parse(text, 5);
    expect(out.map((p) => p.kind === "record" && p.record.instruction)).toEqual(["a, [b] {c}", "d"]);
    expect(out[0]).toMatchObject({ record: { input: '"q" \\' } });
  });
  it("refuses structural errors in arrays", async () => {
    const last = async (parts: string[]) => (await collect(splitJsonArray(strings(parts), 1000))).at(-1);
    expect(await last(['[{"a":1},', "]"])).toMatchObject({
      kind: "error",
      reason: "trailing comma before ]",
    });
    expect(await last(['[{"a":1}'])).toMatchObject({
      kind: "error",
      reason: expect.stringContaining("not closed") as string,
    });
    expect(await last(['[{"a":1}] x'])).toMatchObject({
      kind: "error",
      reason: "content after the end of the array",
    });
    expect(await last(["[]"])).toBeUndefined();
    expect(await last(['{"a":1}'])).toMatchObject({ kind: "error", reason: "the body is not a JSON array" });
  });
  it("marks an oversized element without keeping it", async () => {
    const out = await collect(splitJsonArray(strings(['[{"a":"', "x".repeat(50), '"},{"b":1}]']), 20));
    expect(out[0]).toMatchObject({ kind: "error", index: 1 });
    expect(out[1]).toMatchObject({ kind: "item", text: '{"b":1}', index: 2 });
  });
});
