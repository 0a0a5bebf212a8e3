import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DIALOGUE_CONTEXTS } from "../../tests/support/study-dialogues";
import { HeldBackCard } from "./held-back-card";
import { PromptWithContext } from "./prompt-with-context";

const context = DIALOGUE_CONTEXTS[1]!;
const prompt = context.at(-1)!.content;

describe("prompt lists show a conversation's earlier turns", () => {
  it("says how many turns came before the prompt, behind a disclosure holding them as a transcript", () => {
    const html = renderToStaticMarkup(createElement(PromptWithContext, { prompt, context }));
    expect(html).toContain("3 earlier turns");
    expect(html).toMatch(/<details[^>]*data-testid="prompt-context"/);
    expect(html.match(/data-testid="transcript-turn"/g)).toHaveLength(3);
    // Nothing folds again inside the disclosure, and the prompt itself is not repeated as a turn.
    expect(html).not.toContain('data-testid="transcript-earlier"');
    expect(html.match(/Paracetamol helped/g)).toHaveLength(1);
  });

  it("adds nothing to a single-text prompt or a one-turn conversation", () => {
    for (const c of [null, DIALOGUE_CONTEXTS[0]!]) {
      const html = renderToStaticMarkup(createElement(PromptWithContext, { prompt: "Cough?", context: c }));
      expect(html).not.toContain("earlier");
    }
  });

  it("is used by the held-back card, where the models were already named for the admin", () => {
    const html = renderToStaticMarkup(
      createElement(HeldBackCard, {
        heldBack: {
          count: 1,
          comparisons: [
            { promptId: "p", prompt, context, modelA: "alpha", modelB: "bravo", revealing: ["alpha"] },
          ],
        },
      }),
    );
    expect(html).toContain("3 earlier turns");
    expect(html).toContain("alpha vs bravo");
  });
});
