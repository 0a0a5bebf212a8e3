import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CriterionProgress, PairProgress } from "@/lib/stats";
import { ProgressCard } from "./progress-card";

const pair = (higher: string, lower: string, settled: boolean, adjacent = true): PairProgress => ({
  higher,
  lower,
  difference: settled ? 120 : 10,
  ci: settled ? [40, 200] : [-60, 80],
  settled,
  adjacent,
  width: settled ? 160 : 140,
  moreNeeded: 250,
});

const progress = (pairs: PairProgress[]): CriterionProgress => ({
  criterion: "accuracy",
  judgements: 60,
  targetWidth: 50,
  pairs,
  rankingSettled: pairs.every((p) => !p.adjacent || p.settled),
  widestInterval: { model: "a", width: 100, moreNeeded: 10 },
});

function render(p: CriterionProgress[], opts: { closed?: boolean; errors?: string[] } = {}) {
  return renderToStaticMarkup(
    createElement(ProgressCard, {
      criteria: [{ key: "accuracy", label: "Accuracy" }],
      progress: p,
      width: 50,
      widthInput: opts.errors ? "0" : "50",
      widthErrors: opts.errors,
      keep: { criterion: "accuracy" },
      closed: opts.closed ?? false,
    }),
  );
}

describe("the Are we done? card", () => {
  it("says there is nothing to settle before any judgement, and that a closed study is closed", () => {
    const html = render([], { closed: true });
    expect(html).toContain("No judgements yet");
    expect(html).toContain("The study is closed");
    expect(html).not.toContain("<table");
  });

  it("for one model pair, says so and draws its difference against 0", () => {
    const html = render([progress([pair("a", "b", true)])]);
    expect(html).toContain("One model pair only, and its order is settled");
    expect(html).toContain("<svg");
    expect(html).not.toContain("<details");
  });

  it("says done when every adjacent order is settled, lists all pairs behind a disclosure, keeps the filters", () => {
    const html = render([
      progress([pair("a", "b", true), pair("b", "c", true), pair("a", "c", false, false)]),
    ]);
    expect(html).toContain("Done for the ranking");
    expect(html).toContain("All 3 model pairs");
    expect(html).toContain('name="criterion" value="accuracy"');
    expect(html).toContain("≈ 250");
  });

  it("says nothing is settled, and a closed study's estimate is for a follow-up", () => {
    const html = render([progress([pair("a", "b", false), pair("b", "c", false)])], { closed: true });
    expect(html).toContain("no adjacent order is settled");
    expect(html).toContain("follow-up");
  });

  it("shows a refused width on its field", () => {
    const html = render([], { errors: ["At least 5 Elo points"] });
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("At least 5 Elo points");
  });
});
