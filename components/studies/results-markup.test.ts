import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RatingsChart } from "./ratings-chart";
import { PairsTable } from "./stats-tables";

describe("results page markup", () => {
  it("draws the ratings chart without a style attribute (the nonce CSP blocks inline styles)", () => {
    const html = renderToStaticMarkup(
      createElement(RatingsChart, {
        title: "Correctness",
        ratings: [
          { model: "gpt-4", rating: 1040, ci: [1010, 1070] },
          { model: "claude-2", rating: 960, ci: [930, 990] },
        ],
      }),
    );
    expect(html).toContain("<svg");
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('class="max-w-[640px] text-slate-900"');
  });

  it("shows the win rate's standard error in the pairs table", () => {
    const pair = {
      criterion: "correctness",
      modelA: "gpt-4",
      modelB: "claude-2",
      n: 805,
      winsA: 200,
      winsB: 580,
      ties: 20,
      bothBad: 5,
      winRateA: 0.2646,
      standardError: 0.0154,
      wilson: [0.23, 0.29] as const,
      signTestP: 0.0001,
    };
    const html = renderToStaticMarkup(createElement(PairsTable, { pairs: [pair] }));
    const headers = [...html.matchAll(/<th[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]?.trim());
    const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    const se = headers.indexOf("SE");
    expect(se).toBe(headers.indexOf("A win rate") + 1);
    expect(cells[se - 1]).toBe("26.5%");
    expect(cells[se]).toBe("1.5%");
  });
});
