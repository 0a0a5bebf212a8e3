import { describe, expect, it } from "vitest";
import { bootstrapBradleyTerry } from "./bradley-terry-bootstrap";
import { adjacentOrders, pairOrder } from "./settled-order";
import type { PromptOutcome } from "./types";

/** `winsX` of `games` won by x on every prompt, the rest by y. */
function outcomes(prompts: number, x: string, y: string, winsX: number, games: number): PromptOutcome[] {
  const out: PromptOutcome[] = [];
  for (let p = 0; p < prompts; p++)
    for (let g = 0; g < games; g++)
      out.push({ promptId: `p${p}`, modelA: x, modelB: y, choice: g < winsX ? "A" : "B" });
  return out;
}

describe("settled orders from the prompt bootstrap", () => {
  const clear = [...outcomes(40, "a", "b", 4, 5), ...outcomes(40, "b", "c", 3, 5)];
  const fit = bootstrapBradleyTerry(clear, { rounds: 200, seed: 3, keepSamples: true });

  it("keeps one sample per kept round and model", () => {
    expect(fit.samples).toHaveLength(3);
    expect(fit.samples![0]).toHaveLength(200 - fit.droppedRounds);
  });

  it("settles a clear order and names the higher model first", () => {
    const order = pairOrder(fit, "b", "a");
    expect(order.higher).toBe("a");
    expect(order.settled).toBe(true);
    expect(order.ci[0]).toBeGreaterThan(0);
    expect(order.difference).toBeGreaterThan(0);
  });

  it("does not settle a near coin flip, and lists adjacent pairs best first", () => {
    const close = [
      ...outcomes(20, "a", "b", 5, 5),
      ...outcomes(20, "a", "c", 5, 5),
      ...outcomes(20, "b", "c", 3, 5),
      ...outcomes(20, "c", "b", 3, 5),
    ];
    const result = bootstrapBradleyTerry(close, { rounds: 200, seed: 3, keepSamples: true });
    const orders = adjacentOrders(result);
    expect(orders).toHaveLength(2);
    expect(orders[0]!.higher).toBe("a");
    expect(orders[0]!.settled).toBe(true);
    expect(orders[1]!.settled).toBe(false);
    expect(orders[1]!.ci[0]).toBeLessThanOrEqual(0);
  });

  it("needs a bootstrap run with keepSamples", () => {
    expect(() => pairOrder(bootstrapBradleyTerry(clear, { rounds: 10 }), "a", "b")).toThrow(RangeError);
  });
});
