import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { VOCABULARY_KINDS, VOCABULARY_KIND_LABEL } from "@/lib/vocabulary/kinds";
import { ZVocabularyKind } from "@/lib/vocabulary/schemas";

const here = path.dirname(new URL(import.meta.url).pathname);
const clientFiles = readdirSync(here)
  .filter((f) => f.endsWith(".tsx"))
  .map((f) => ({ f, src: readFileSync(path.join(here, f), "utf8") }))
  .filter(({ src }) => src.startsWith('"use client"'));

// A value imported from lib/vocabulary/schemas.ts into a client component ships all of zod
// (112 KB of JavaScript) to the browser: the vocabulary page loaded it only for three constants.
describe("the vocabulary's client components", () => {
  it("take the vocabulary's constants from kinds.ts, and only types from schemas.ts", () => {
    expect(clientFiles.length).toBeGreaterThan(5);
    const valueImports = clientFiles.filter(({ src }) =>
      /^import (?!type )[^;]*from "@\/lib\/vocabulary\/schemas";/m.test(src),
    );
    expect(valueImports.map(({ f }) => f)).toEqual([]);
  });

  it("kinds.ts imports nothing, and schemas.ts validates exactly its kinds", () => {
    const kinds = readFileSync(path.join(here, "../../lib/vocabulary/kinds.ts"), "utf8");
    expect(kinds).not.toMatch(/^import /m);
    expect(ZVocabularyKind.options).toEqual([...VOCABULARY_KINDS]);
    expect(Object.keys(VOCABULARY_KIND_LABEL)).toEqual([...VOCABULARY_KINDS]);
  });
});
