import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { TTurn } from "@/lib/conversations/types";
import { Transcript } from "./transcript";

const turns = (n: number): TTurn[] =>
  Array.from({ length: n }, (_, i) => ({
    role: i % 2 ? "assistant" : "user",
    content: `Turn **${i + 1}** text`,
  }));

const html = (context: TTurn[], final?: string) =>
  renderToStaticMarkup(createElement(Transcript, { context, final: final ?? undefined }));

describe("Transcript", () => {
  it("shows every turn with its role and number, rendered as markdown", () => {
    const out = html([{ role: "system", content: "Be brief." }, ...turns(2)]);
    expect(out).toContain("System");
    expect(out).toContain("turn 3");
    expect(out).toMatch(/<strong[^>]*>2<\/strong>/);
    expect(out).not.toContain("<details");
  });

  it("folds all but the last four turns of a long context behind a disclosure", () => {
    const out = html(turns(10));
    expect(out).toContain("Show 6 earlier turns");
    const folded = out.slice(out.indexOf("<details"), out.indexOf("</details>"));
    expect(folded).toContain("turn 6");
    expect(folded).not.toContain("turn 7");
  });

  it("marks the turn under review after the context", () => {
    const out = html(turns(3), "the answer");
    expect(out).toContain('data-testid="transcript-final"');
    expect(out).toMatch(/Answer under review.*turn 4/);
  });
});
