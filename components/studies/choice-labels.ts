export type TChoice = "A" | "B" | "tie" | "both_bad";

/** Each choice as the rating screen shows it: short on phones, spelled out elsewhere. */
export const CHOICE_LABEL: Record<TChoice, [short: string, long: string]> = {
  A: ["A", "A is better"],
  B: ["B", "B is better"],
  tie: ["Tie", "Tie"],
  both_bad: ["Both bad", "Both bad"],
};
