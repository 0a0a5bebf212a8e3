import { describe, expect, it } from "vitest";
import { titleNamesModel, titleNamesModelMessage } from "@/lib/studies/title-names-model";

describe("titleNamesModel", () => {
  it("refuses the issue's example, naming each offending word once, in title order", () => {
    expect(titleNamesModel("GPT-4 vs Claude", ["gpt-4", "claude-2"])).toEqual(["gpt-4", "claude"]);
  });

  it("ignores case and punctuation in whole model names", () => {
    for (const title of ["gpt 4 study", "GPT4 study", "Study of G.P.T.-4", "(Claude-2)"]) {
      expect(titleNamesModel(title, ["gpt-4", "claude-2"]).length, title).toBeGreaterThan(0);
    }
    expect(titleNamesModel("Rating zz canary alpha", ["zz-canary-alpha"])).toEqual(["zz-canary-alpha"]);
  });

  it("matches the models' own tokens of three or more letters, except generic words", () => {
    expect(titleNamesModel("Davinci pilot", ["text-davinci-003-answer"])).toEqual(["davinci"]);
    expect(titleNamesModel("Turbo answers", ["gpt-3.5-turbo"])).toEqual(["turbo"]);
    // "text", "answer", "model", "output" are in model names without naming a model.
    expect(titleNamesModel("Answers to text questions", ["text-davinci-003-answer"])).toEqual([]);
    expect(titleNamesModel("Model outputs, round 2", ["model-alpha", "model-beta", "my-output"])).toEqual([]);
    // Tokens shorter than three letters are too common to refuse ("ai", "v2").
    expect(titleNamesModel("AI answers to v2 questions", ["ai-v2"])).toEqual([]);
  });

  it("refuses the vendor and model words the identity check knows, whatever the study's models", () => {
    expect(titleNamesModel("OpenAI versus the rest", ["m1", "m2"])).toEqual(["openai"]);
    expect(titleNamesModel("Chat-GPT answers", ["m1", "m2"])).toEqual(["gpt"]);
    expect(titleNamesModel("llama and gemini", [])).toEqual(["llama", "gemini"]);
  });

  it("matches whole words only, and never a model name without a letter", () => {
    expect(titleNamesModel("Medication questions", ["med", "other"])).toEqual([]);
    expect(titleNamesModel("Med questions", ["med", "other"])).toEqual(["med"]);
    expect(titleNamesModel("Study 4", ["4", "5"])).toEqual([]);
    expect(titleNamesModel("Study m1", ["m1", "m2"])).toEqual(["m1"]);
  });

  it("accepts neutral titles, the default one included", () => {
    expect(titleNamesModel("Study 12", ["gpt-4", "claude-2", "study-bot"])).toEqual([]);
    expect(
      titleNamesModel("Patient questions, spring pilot", [
        "gpt-4",
        "claude-2",
        "gpt-3.5-turbo",
        "text-davinci-003",
      ]),
    ).toEqual([]);
    expect(titleNamesModel("", ["gpt-4"])).toEqual([]);
  });

  it("says what raters see and quotes the words", () => {
    expect(titleNamesModelMessage(["gpt-4", "claude"])).toContain("“gpt-4”, “claude”");
  });
});
