import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DIALOGUE_CONTEXTS, dialogueAnswer } from "../../tests/support/study-dialogues";
import { StudyExamples } from "./study-examples";

const outputs = (i: number) =>
  (["ward-model-a", "ward-model-b"] as const).map((m, k) => ({
    model: m,
    text: dialogueAnswer(m, i),
    wins: 1 - k,
  }));

describe("StudyExamples", () => {
  it("shows a conversation prompt as a transcript with the models' answers as the final turn", () => {
    const html = renderToStaticMarkup(
      createElement(StudyExamples, {
        examples: [
          {
            promptId: "p1",
            instruction: "q",
            input: "",
            context: DIALOGUE_CONTEXTS[1]!,
            votes: 1,
            outputs: outputs(1),
          },
          {
            promptId: "p2",
            instruction: "What is gout?",
            input: "",
            context: null,
            votes: 1,
            outputs: outputs(0),
          },
        ],
      }),
    );
    expect(html.match(/data-testid="transcript"/g)).toHaveLength(1);
    expect(html.match(/data-testid="transcript-turn"/g)).toHaveLength(DIALOGUE_CONTEXTS[1]!.length);
    expect(html).toContain('data-testid="transcript-final"');
    expect(html.indexOf("ward-model-a")).toBeGreaterThan(html.indexOf('data-testid="transcript-final"'));
    expect(html).toContain("What is gout?");
    expect(html.match(/data-testid="example-output"/g)).toHaveLength(4);
  });
});
