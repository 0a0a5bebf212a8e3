import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./markdown-text";
import { alignToSource, type TSourceSpan } from "./rehype-phi-marks";

const render = (text: string, spans?: TSourceSpan[]) =>
  renderToStaticMarkup(createElement(MarkdownText, { text, spans }));

/** The texts of the marks in document order, and of the kind labels. */
function marks(html: string) {
  return {
    marked: [...html.matchAll(/<mark[^>]*>([^<]*)<\/mark>/g)].map((m) => m[1]),
    labels: [...html.matchAll(/<\/mark><span[^>]*>([^<]*)<\/span>/g)].map((m) =>
      m[1]?.replace("&#x27;", "'"),
    ),
  };
}

const spanOf = (text: string, needle: string, kind = "person_name"): TSourceSpan => {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`no ${needle}`);
  return { kind, start, end: start + needle.length };
};

describe("MarkdownText: GitHub-flavoured markdown", () => {
  it("renders emphasis, numbered and bulleted lists instead of showing their marks", () => {
    const html = render("**Rest** first.\n\n1. Fluids\n2. Paracetamol\n\n- one\n- two");
    expect(html).toContain('<strong class="font-semibold">Rest</strong>');
    expect(html).not.toContain("**");
    expect(html).toMatch(/<ol[^>]*>\s*<li[^>]*>Fluids<\/li>\s*<li[^>]*>Paracetamol<\/li>\s*<\/ol>/);
    expect(html).toMatch(/<ul[^>]*>\s*<li[^>]*>one<\/li>/);
  });

  it("keeps an ordered list's start number", () => {
    expect(render("3. third\n4. fourth")).toContain('start="3"');
  });

  it("renders GFM tables with alignment as classes (no inline style: the CSP refuses it)", () => {
    const html = render("| Drug | Dose |\n|:--|--:|\n| Paracetamol | 1 g |");
    expect(html).toMatch(/<table[^>]*>[\s\S]*<th[^>]*text-left[^>]*>Drug<\/th>/);
    expect(html).toMatch(/<td[^>]*text-right[^>]*>1 g<\/td>/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it("renders strikethrough and task lists, the boxes as glyphs rather than controls", () => {
    const html = render("~~old~~ new\n\n- [x] done\n- [ ] to do");
    expect(html).toContain("<del>old</del>");
    expect(html).toContain("☑");
    expect(html).toContain("☐");
    expect(html).not.toContain("<input");
  });

  it("shows headings as styled paragraphs, outside the page's outline", () => {
    const html = render("# Plan\n\n## Steps");
    expect(html).not.toMatch(/<h[1-6]/);
    expect(html).toMatch(/<p[^>]*font-semibold[^>]*>Plan<\/p>/);
  });
});

describe("MarkdownText: what a model's text cannot do to the page", () => {
  it("never renders raw HTML: tags, scripts and event handlers arrive as visible text", () => {
    const html = render(
      'Hello <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="x()">block</div>',
    );
    expect(html).not.toMatch(/<script|<img|<b>|<div onclick/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toContain("&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;");
  });

  it("renders links, autolinks and footnote references as inert text with no href", () => {
    const html = render(
      "See [the guideline](https://evil.example/x) or https://auto.example or <https://angle.example> or [x](javascript:alert(1)).\n\nA note[^1].\n\n[^1]: Footnote.",
    );
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/href=|javascript:|evil\.example/);
    expect(html).toContain("the guideline");
    expect(html).toContain("https://auto.example");
    expect(html).toContain("https://angle.example");
  });

  it("never loads images: their alt text is shown in their place", () => {
    const html = render("![chest X-ray](https://tracker.example/p.png)");
    expect(html).not.toMatch(/<img|src=|tracker/);
    expect(html).toContain("[image: chest X-ray]");
  });

  it("carries no ids, so two answers on one page cannot collide or be linked to", () => {
    const html = render("Text[^a].\n\n[^a]: Note.");
    expect(html).not.toMatch(/\sid=|aria-describedby/);
  });
});

describe("MarkdownText: possible identifiers marked in the rendered text", () => {
  it("marks a span inside emphasis, a list item and a table cell, each labelled once", () => {
    const text = "Seen by **Jane Doe** today.\n\n- Call John Smith\n\n| Name |\n| --- |\n| Ann Lee |";
    const html = render(text, [
      spanOf(text, "Jane Doe"),
      spanOf(text, "John Smith"),
      spanOf(text, "Ann Lee"),
    ]);
    expect(marks(html).marked).toEqual(["Jane Doe", "John Smith", "Ann Lee"]);
    expect(marks(html).labels).toEqual(["person's name", "person's name", "person's name"]);
    expect(html).toMatch(/<strong[^>]*><span data-testid="phi-mark"/);
  });

  it("splits a span cut by markup into pieces and names its kind once, after the last", () => {
    const text = "Patient **Jane** Doe, MRN 12345.";
    const html = render(text, [spanOf(text, "**Jane** Doe"), spanOf(text, "12345", "medical_record_number")]);
    const m = marks(html);
    expect(m.marked).toEqual(["Jane", " Doe", "12345"]);
    expect(m.labels).toEqual(["person's name", "medical record number"]);
  });

  it("finds spans behind escapes and entities, and in fenced code after the fence's info string", () => {
    const text = "\\*Note\\* &amp; Jane Doe\n\n```javascript\njane = 'Jane Doe'\n```";
    const first = spanOf(text, "Jane Doe");
    const second = {
      kind: "person_name",
      start: text.lastIndexOf("Jane Doe"),
      end: text.lastIndexOf("Jane Doe") + 8,
    };
    const html = render(text, [first, second]);
    expect(marks(html).marked).toEqual(["Jane Doe", "Jane Doe"]);
    expect(html).toContain("*Note* &amp; <span");
  });

  it("leaves text without spans unmarked and ignores spans outside the text", () => {
    const text = "Nothing here.";
    expect(render(text, [{ kind: "person_name", start: 5, end: 500 }])).not.toContain("<mark");
    expect(render(text)).toBe(render(text, []));
  });

  it("aligns rendered characters to source offsets, skipping what markdown dropped", () => {
    const source = "a \\*b\\* c";
    expect([...alignToSource("a *b* c", source, 0, source.length)]).toEqual([0, 1, 3, 4, 6, 7, 8]);
    // A character the source does not hold nearby (a decoded numeric entity) maps to nothing.
    expect([...alignToSource("©x", "&#169;x", 0, 7)]).toEqual([-1, 6]);
  });
});
