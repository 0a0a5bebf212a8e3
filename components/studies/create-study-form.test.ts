import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { createStudyBody, DEFAULT_CRITERIA } from "./create-study-body";
import { CreateStudyForm } from "./create-study-form";

const router = {
  push: () => {},
  replace: () => {},
  refresh: () => {},
  back: () => {},
  forward: () => {},
  prefetch: () => {},
};

describe("create-study form", () => {
  it("defaults to correctness and helpfulness and offers rationale off / optional / required", () => {
    const html = renderToStaticMarkup(
      createElement(AppRouterContext.Provider, { value: router as never }, createElement(CreateStudyForm)),
    );
    const criteria = /<input[^>]*name="criteria"[^>]*>/.exec(html)?.[0] ?? "";
    expect(criteria).toContain(`value="Correctness, Helpfulness"`);
    const select = /<select[^>]*name="rationale"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    expect([...select.matchAll(/value="(\w+)"/g)].map((m) => m[1])).toEqual(["off", "optional", "required"]);
    expect(select).toMatch(/value="optional" selected=""/);
  });

  it("sends the rationale setting and the default criteria in a body the API accepts", () => {
    const f = new FormData();
    for (const [k, v] of Object.entries({
      name: "S",
      criteria: DEFAULT_CRITERIA,
      design: "vs_reference",
      reference: "claude-2",
      ratingsPerComparison: "2",
      attentionCheckShare: "5",
      repeatShare: "0",
      rationale: "required",
      allowTie: "on",
    }))
      f.set(k, v);
    const parsed = ZCreateStudy.parse(createStudyBody(f));
    expect(parsed.criteria.map((c) => c.key)).toEqual(["correctness", "helpfulness"]);
    expect(parsed).toMatchObject({
      rationale: "required",
      allowTie: true,
      allowBothBad: false,
      reference: "claude-2",
    });
  });

  it("has an optional title field, sent only when filled (the API defaults it to “Study N”)", () => {
    const html = renderToStaticMarkup(
      createElement(AppRouterContext.Provider, { value: router as never }, createElement(CreateStudyForm)),
    );
    expect(html).toMatch(/<label for="f-title"[^>]*>Title \(what raters see\)<\/label>/);
    expect(html).not.toMatch(/name="title"[^>]*required/);
    const f = new FormData();
    for (const [k, v] of Object.entries({
      name: "Internal",
      criteria: "Accuracy",
      design: "all_pairs",
      ratingsPerComparison: "1",
    }))
      f.set(k, v);
    expect(ZCreateStudy.parse(createStudyBody(f)).title).toBeUndefined();
    f.set("title", "  Spring pilot ");
    expect(ZCreateStudy.parse(createStudyBody(f)).title).toBe("Spring pilot");
  });
});
