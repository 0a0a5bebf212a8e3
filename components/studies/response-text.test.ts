import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { canonicalPresentation } from "@/lib/text/canonical-presentation";
import { HABIT_CONTENT, HABITS } from "../../tests/support/presentation-habits";
import { ResponseText } from "./response-text";

// The blinding promise of issue 9 carried to the rendered markdown: both responses of a pair take
// one path (canonical text → MarkdownText) to HTML, so a model's formatting habit cannot show as
// a difference in markup. e2e/studies-presentation.spec.ts checks the served page the same way.

const html = (label: "A" | "B", raw: string) =>
  renderToStaticMarkup(createElement(ResponseText, { label, text: canonicalPresentation(raw) }));

/** The markup with every text node emptied: tags, attributes and nesting only. */
const structure = (markup: string) => markup.replace(/>[^<]*</g, "><");

describe("ResponseText renders the canonical text: byte-identical HTML across habits and sides", () => {
  it("gives the same HTML for the same content written with each habit", () => {
    const rendered = new Set(HABITS.map((h) => html("A", h.apply(HABIT_CONTENT))));
    expect(rendered.size).toBe(1);
    const [one] = [...rendered];
    // It is markdown rendered, not the raw text: the list is a list, no habit's whitespace leads.
    expect(one).toMatch(/<ul[^>]*>\s*<li[^>]*>Paracetamol for the fever:\n1 g every 6 hours/);
    expect(one).toMatch(/data-testid="response-text"><p[^>]*>Rest and fluids come first\.<\/p>/);
  });

  it("renders side A and side B alike: only the label differs", () => {
    for (const h of HABITS) {
      const a = html("A", h.apply(HABIT_CONTENT));
      const b = html("B", HABIT_CONTENT);
      expect(b).toBe(
        a
          .replace(/response-A/g, "response-B")
          .replace(/response A/g, "response B")
          .replace(/Response A/g, "Response B"),
      );
    }
  });

  it("gives two different answers of one shape the same structure, whatever their text", () => {
    const left = "**Rest** first.\n\n1. Fluids\n2. Paracetamol\n\n| Dose | When |\n| - | - |\n| 1 g | 6 h |";
    const right =
      " **Sleep** early.\r\n\r\n\r\n1. Water  \r\n2. Ibuprofen\r\n\r\n| Dose | When |\r\n| - | - |\r\n| 400 mg | 8 h |\r\n";
    const a = html("A", left);
    const b = html("A", right);
    expect(a).not.toBe(b);
    expect(structure(b)).toBe(structure(a));
  });

  it("would see a habit that reached the renderer (the test can fail)", () => {
    const raw = "    Rest and fluids come first.";
    const bypassed = renderToStaticMarkup(createElement(ResponseText, { label: "A", text: raw }));
    // Four leading spaces make an indented code block: a different structure from the canonical text's.
    expect(structure(bypassed)).not.toBe(structure(html("A", raw)));
  });
});
