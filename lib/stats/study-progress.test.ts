import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { studyProgress } from "./study-progress";
import type { PromptOutcome } from "./types";

/** On each of `prompts` prompts: x beats y `winsX` times out of `games`. */
function outcomes(
  prompts: number,
  x: string,
  y: string,
  winsX: number,
  games: number,
  tag = x + y,
): PromptOutcome[] {
  const out: PromptOutcome[] = [];
  for (let p = 0; p < prompts; p++)
    for (let g = 0; g < games; g++)
      out.push({ promptId: `${tag}${p}`, modelA: x, modelB: y, choice: g < winsX ? "A" : "B" });
  return out;
}

describe("studyProgress", () => {
  // a clearly above b; b and c a coin flip.
  const data = [
    ...outcomes(30, "a", "b", 4, 5),
    ...outcomes(30, "b", "c", 3, 5),
    ...outcomes(30, "c", "b", 3, 5),
    ...outcomes(30, "a", "c", 4, 5),
  ];
  const fit = bootstrapBradleyTerry(data, { rounds: 300, seed: 5, keepSamples: true });
  const progress = studyProgress(fit, data.length, 60);

  it("lists every model pair once, adjacent ones marked, higher model first", () => {
    expect(progress.pairs).toHaveLength(3);
    expect(progress.pairs.filter((p) => p.adjacent)).toHaveLength(2);
    expect(progress.pairs.every((p) => p.difference >= 0)).toBe(true);
  });

  it("says the ranking is not settled while b and c are a coin flip", () => {
    const bc = progress.pairs.find((p) => [p.higher, p.lower].sort().join() === "b,c")!;
    expect(bc.settled).toBe(false);
    expect(progress.rankingSettled).toBe(false);
    const ab = progress.pairs.find((p) => p.higher === "a" && p.lower === "b")!;
    expect(ab.settled).toBe(true);
  });

  it("estimates more judgements by the square-root law, none once the target is met", () => {
    for (const p of progress.pairs) {
      if (p.width <= 60) expect(p.moreNeeded).toBe(0);
      else expect(p.moreNeeded).toBe(Math.ceil(data.length * ((p.width / 60) ** 2 - 1)));
    }
    const loose = studyProgress(fit, data.length, 10_000);
    expect(loose.pairs.every((p) => p.moreNeeded === 0)).toBe(true);
    const tight = studyProgress(fit, data.length, 1);
    expect(tight.widestInterval.moreNeeded).toBeGreaterThan(data.length);
  });

  it("refuses a non-positive target width", () => {
    expect(() => studyProgress(fit, 10, 0)).toThrow(RangeError);
  });
});
