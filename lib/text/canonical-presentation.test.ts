import { describe, expect, it } from "vitest";
import { createRng, type TRng } from "@/lib/random";
import { HABIT_CONTENT, HABITS } from "../../tests/support/presentation-habits";
import { canonicalPresentation } from "./canonical-presentation";

const CHARS = ["a", "b", "Z", "1", "-", ".", "µ", "😷", " ", " ", "\t", "\n", "\n", "\r", "\r\n", "\u00a0"];

/** Any string at all, weighted towards whitespace and line ends. */
function anyText(rng: TRng): string {
  const n = rng.nextInt(40);
  return Array.from({ length: n }, () => CHARS[rng.nextInt(CHARS.length)]).join("");
}

/** Canonical content with blank lines and relative indents; at least one later line unindented. */
function canonicalContent(rng: TRng): string {
  const words = ["Fever", "rest", "1 g", "see a doctor", "µg/kg", "≥ 2", "- item", "😷"];
  const line = () =>
    Array.from({ length: 1 + rng.nextInt(4) }, () => words[rng.nextInt(words.length)]).join(" ");
  const lines = [line()];
  const extra = rng.nextInt(6);
  for (let i = 0; i < extra; i++) {
    const kind = rng.nextInt(4);
    lines.push(kind === 0 ? "" : kind === 1 ? `${rng.nextInt(2) ? "  " : "\t"}${line()}` : line());
  }
  lines.push(line());
  return lines.join("\n");
}

describe("canonicalPresentation", () => {
  it("applies each rule", () => {
    expect(canonicalPresentation("a\r\nb\rc")).toBe("a\nb\nc");
    expect(canonicalPresentation("\n\n \n  a\n")).toBe("a");
    expect(canonicalPresentation("  a\n    b\n  c")).toBe("a\n  b\nc");
    expect(canonicalPresentation("a  \t\nb \n")).toBe("a\nb");
    expect(canonicalPresentation("")).toBe("");
    expect(canonicalPresentation(" \r\n\t\n")).toBe("");
  });

  it("drops the first line's lone leading space (claude-2) and leading blank lines (text-davinci-003)", () => {
    expect(canonicalPresentation(" The answer is rest.\n\n- Fluids\n- Sleep")).toBe(
      "The answer is rest.\n\n- Fluids\n- Sleep",
    );
    expect(canonicalPresentation("\nIt is possible that your sister has malaria.")).toBe(
      "It is possible that your sister has malaria.",
    );
  });

  it("keeps what the content means: inner blank lines, relative indents, spaces inside lines", () => {
    expect(canonicalPresentation(HABIT_CONTENT)).toBe(HABIT_CONTENT);
    // Two blank lines are one paragraph break, like one: a run of blank lines is a habit, not content.
    expect(canonicalPresentation("a   b\n\n\n  c")).toBe("a   b\n\n  c");
  });

  it("removes only indentation common to every non-blank line (mixed tabs and spaces share none)", () => {
    expect(canonicalPresentation("\t a\n\t b")).toBe("a\nb");
    expect(canonicalPresentation("  a\n\tb")).toBe("a\n\tb");
    expect(canonicalPresentation("  a\n\n  b")).toBe("a\n\nb");
  });

  for (const habit of HABITS) {
    it(`gives the same text for content ${habit.name}`, () => {
      expect(habit.apply(HABIT_CONTENT) === HABIT_CONTENT).toBe(habit.name === "as written");
      expect(canonicalPresentation(habit.apply(HABIT_CONTENT))).toBe(HABIT_CONTENT);
    });
  }

  it("property: every habit of any canonical content presents as that content", () => {
    const rng = createRng("canonical-presentation-habits", "xoshiro128**");
    for (let i = 0; i < 500; i++) {
      const content = canonicalPresentation(canonicalContent(rng));
      for (const habit of HABITS)
        expect(canonicalPresentation(habit.apply(content)), `${habit.name}: ${JSON.stringify(content)}`).toBe(
          content,
        );
    }
  });

  it("property: idempotent, with no CR, no blank start or end and no trailing blanks on a line, for any text", () => {
    const rng = createRng("canonical-presentation-any", "xoshiro128**");
    for (let i = 0; i < 5000; i++) {
      const text = anyText(rng);
      const once = canonicalPresentation(text);
      expect(canonicalPresentation(once), JSON.stringify(text)).toBe(once);
      expect(once).not.toMatch(/\r|^\s|\s$|[ \t]\n/);
      // Nothing but whitespace is ever removed.
      expect(once.replace(/\s/g, ""), JSON.stringify(text)).toBe(text.replace(/\s/g, ""));
    }
  });
});
