import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { canonicalPresentation } from "@/lib/text/canonical-presentation";
import { DIALOGUE_CONTEXTS, dialogueAnswer } from "../../tests/support/study-dialogues";
import { RatingItem, type TRatingPrompt } from "./rating-prompt";

// Blinding for conversation prompts (issue 16): the context is rendered once, above both
// responses, from the prompt alone. Swapping which model's answer is A changes the responses'
// markup and nothing before them.

const context = DIALOGUE_CONTEXTS[4]!.map((t) => ({ ...t, content: canonicalPresentation(t.content) }));
const prompt: TRatingPrompt = { instruction: context.at(-1)!.content, input: "", context };
const a = canonicalPresentation(dialogueAnswer("ward-model-a", 4));
const b = canonicalPresentation(dialogueAnswer("ward-model-b", 4));

const render = (left: string, right: string) =>
  renderToStaticMarkup(
    createElement(RatingItem, {
      prompt,
      responses: [
        { label: "A", text: left },
        { label: "B", text: right },
      ],
    }),
  );
/** Everything the rater sees before the first response. */
const beforeResponses = (html: string) => html.slice(0, html.indexOf('data-testid="response-A"'));

describe("RatingItem with a conversation prompt", () => {
  it("renders the transcript once, above both responses, with every context turn", () => {
    const html = render(a, b);
    expect(html.match(/data-testid="transcript"/g)).toHaveLength(1);
    expect(html.indexOf('data-testid="transcript"')).toBeLessThan(html.indexOf('data-testid="response-A"'));
    expect(html.match(/data-testid="transcript-turn"/g)).toHaveLength(context.length);
    // Markdown inside a turn is rendered (the table of turn 4), and earlier turns fold.
    expect(html).toContain("<table");
    expect(html).toContain('data-testid="transcript-earlier"');
  });

  it("gives byte-identical context markup whichever model is A", () => {
    const ab = render(a, b);
    const ba = render(b, a);
    expect(ab).not.toBe(ba); // the responses did swap: the comparison below can fail
    expect(beforeResponses(ba)).toBe(beforeResponses(ab));
    expect(beforeResponses(ab)).not.toContain("Short answer");
  });

  it("keeps single-text prompts as before", () => {
    const html = renderToStaticMarkup(
      createElement(RatingItem, {
        prompt: { instruction: "What is gout?", input: "", context: null },
        responses: [
          { label: "A", text: a },
          { label: "B", text: b },
        ],
      }),
    );
    expect(html).toContain('data-testid="prompt"');
    expect(html).not.toContain('data-testid="transcript"');
  });
});
