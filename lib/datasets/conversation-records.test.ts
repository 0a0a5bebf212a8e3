import { describe, expect, it } from "vitest";
import { BAD_DIALOGUES, clinicalDialogue, clinicalDialoguesJsonl } from "@/tests/support/clinical-dialogues";
import { CONVERSATION_SHAPES } from "@/lib/conversations/types";
import { parseBody, type TParsed } from "./parse-body";
import { contentHash, validateRecord } from "./validate-record";

async function* bytes(text: string): AsyncGenerator<Uint8Array> {
  yield await Promise.resolve(new TextEncoder().encode(text));
}
async function parse(text: string, field: string): Promise<TParsed[]> {
  const out: TParsed[] = [];
  const mapping = { instruction: "", input: "", output: "", conversation: field };
  for await (const p of parseBody(bytes(text), "jsonl", mapping)) out.push(p);
  return out;
}

describe("conversation records", () => {
  it("the generated dialogues run 2–12 turns, some with a system turn, some long, in unicode and markdown", () => {
    const all = Array.from({ length: 30 }, (_, i) => clinicalDialogue(i));
    const lengths = all.map((d) => d.length);
    expect(Math.min(...lengths)).toBe(2);
    expect(Math.max(...lengths)).toBe(12);
    expect(all.some((d) => d[0]?.role === "system")).toBe(true);
    const text = all.flat().map((t) => t.content);
    expect(text.some((t) => t.length > 3_000)).toBe(true);
    for (const script of [
      /\p{Script=Greek}/u,
      /\p{Script=Arabic}/u,
      /\p{Script=Han}/u,
      /\p{Extended_Pictographic}/u,
    ])
      expect(text.some((t) => script.test(t))).toBe(true);
    expect(text.some((t) => t.includes("| --- |"))).toBe(true);
  });

  it.each(CONVERSATION_SHAPES)(
    "reads a %s file: the final assistant turn is the output, the turns before it the context, the last user turn the instruction",
    async (shape) => {
      const parsed = await parse(clinicalDialoguesJsonl(shape, 12), shape);
      expect(parsed).toHaveLength(12);
      for (const [i, p] of parsed.entries()) {
        if (p.kind !== "record") throw new Error(`line ${p.index}: ${p.reason}`);
        const turns = clinicalDialogue(i);
        expect(p.record.shape).toBe(shape);
        expect(p.record.output).toBe(turns.at(-1)?.content);
        expect(p.record.context).toEqual(turns.slice(0, -1));
        expect(p.record.instruction).toBe(turns.findLast((t) => t.role === "user")?.content);
        expect(p.record.input).toBe("");
        // The conversation field is the record itself, not metadata; the other fields are.
        expect(p.record.metadata).toEqual({ id: `dlg-${i + 1}`, topic: expect.any(String) as string });
      }
    },
  );

  it("refuses each bad conversation by its line number, with the reason", async () => {
    const good = clinicalDialoguesJsonl("messages", 2).trim().split("\n");
    const lines = [...good, ...BAD_DIALOGUES.map((b) => JSON.stringify(b.record))];
    const parsed = await parse(lines.join("\n"), "messages");
    expect(parsed.slice(0, 2).map((p) => p.kind)).toEqual(["record", "record"]);
    for (const [i, bad] of BAD_DIALOGUES.entries()) {
      const p = parsed[i + 2];
      expect(p, bad.name).toMatchObject({ kind: "invalid", index: i + 3 });
      expect(p?.kind === "invalid" && p.reason, bad.name).toContain(bad.reason);
    }
  });

  it("refuses a record without the conversation field, and a final turn over the output limit", () => {
    expect(
      validateRecord(
        { instruction: "q", output: "a" },
        { instruction: "", input: "", output: "", conversation: "messages" },
      ),
    ).toEqual({
      ok: false,
      reason: '"messages" is missing',
    });
    const huge = {
      messages: [
        { role: "user", content: "q" },
        { role: "assistant", content: "x".repeat(100_001) },
      ],
    };
    const r = validateRecord(huge, { instruction: "", input: "", output: "", conversation: "messages" });
    expect(r.ok).toBe(false);
  });

  it("hashes the context: the same final answer after a different history is not a duplicate", () => {
    const ctxA = [{ role: "user" as const, content: "Headache?" }];
    const ctxB = [{ role: "system" as const, content: "Be brief." }, ...ctxA];
    expect(contentHash("Headache?", "", "Rest.", ctxA)).not.toBe(contentHash("Headache?", "", "Rest.", ctxB));
    expect(contentHash("Headache?", "", "Rest.", ctxA)).toBe(
      contentHash("Headache?", "", "Rest.", [...ctxA]),
    );
    // A single-text record hashes as it always did (stored hashes stay valid).
    expect(contentHash("i", "x", "o")).toBe(contentHash("i", "x", "o", null));
  });
});
