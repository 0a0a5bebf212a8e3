import { describe, expect, it } from "vitest";
import { ACTION_WORDS, ENTITY_WORDS, actionWords, entityWords } from "./action-words";
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from "./vocabulary";

describe("the audit trail's words", () => {
  it("has words for every action of the vocabulary, and none for actions it does not have", () => {
    for (const a of AUDIT_ACTIONS) {
      expect(ACTION_WORDS[a], a).toMatch(/^[a-z].{3,}$/);
      expect(actionWords(a)).not.toBe(a);
    }
    expect(Object.keys(ACTION_WORDS).sort()).toEqual([...AUDIT_ACTIONS].sort());
  });

  it("gives each action its own sentence", () => {
    const sentences = Object.values(ACTION_WORDS);
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  it("has a noun for every entity type", () => {
    for (const t of AUDIT_ENTITY_TYPES) expect(ENTITY_WORDS[t], t).toMatch(/^[A-Z]/);
    expect(Object.keys(ENTITY_WORDS).sort()).toEqual([...AUDIT_ENTITY_TYPES].sort());
  });

  it("shows an unknown stored spelling as it is", () => {
    expect(actionWords("made.up")).toBe("made.up");
    expect(entityWords("thing")).toBe("thing");
  });
});
