import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppRouterContext } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { describe, expect, it } from "vitest";
import { bodyResolver } from "@/components/data/body-resolver";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { createStudyBody, DEFAULT_CRITERIA, STUDY_DEFAULTS } from "./create-study-body";
import { CreateStudyForm } from "./create-study-form";

const router = {
  push: () => {},
  replace: () => {},
  refresh: () => {},
  back: () => {},
  forward: () => {},
  prefetch: () => {},
};

const render = () =>
  renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(AppRouterContext.Provider, { value: router as never }, createElement(CreateStudyForm)),
    ),
  );

describe("create-study form", () => {
  it("defaults to correctness and helpfulness and offers rationale off / optional / required", () => {
    const html = render();
    // One row per criterion (name and definition), not a comma-separated line.
    expect(html).not.toMatch(/name="criteria"/);
    expect(/<input[^>]*name="criteria.0.label"[^>]*>/.exec(html)?.[0]).toContain(`value="Correctness"`);
    expect(/<input[^>]*name="criteria.1.label"[^>]*>/.exec(html)?.[0]).toContain(`value="Helpfulness"`);
    expect(html).toMatch(/<textarea[^>]*name="criteria.0.description"[^>]*>Medically accurate/);
    const select = /<select[^>]*name="rationale"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    expect([...select.matchAll(/value="(\w+)"/g)].map((m) => m[1])).toEqual(["off", "optional", "required"]);
    expect(select).toMatch(/value="optional" selected=""/);
  });

  it("sends the rationale setting and the default criteria in a body the API accepts", () => {
    const parsed = ZCreateStudy.parse(
      createStudyBody({
        ...STUDY_DEFAULTS,
        name: "S",
        criteria: DEFAULT_CRITERIA,
        design: "vs_reference",
        reference: "claude-2",
        repeatShare: "0",
        rationale: "required",
        allowBothBad: false,
      }),
    );
    expect(parsed.criteria.map((c) => c.key)).toEqual(["correctness", "helpfulness"]);
    expect(parsed).toMatchObject({
      rationale: "required",
      allowTie: true,
      allowBothBad: false,
      reference: "claude-2",
      attentionCheckShare: 0.05,
    });
  });

  it("has an optional title field, sent only when filled (the API defaults it to “Study N”)", () => {
    const html = render();
    expect(html).toMatch(/<label for="f-title"[^>]*>Title \(what raters see\)<\/label>/);
    expect(html).not.toMatch(/name="title"[^>]*required/);
    const v = {
      ...STUDY_DEFAULTS,
      name: "Internal",
      criteria: [{ label: "Accuracy", description: "" }],
      ratingsPerComparison: "1",
    };
    expect(ZCreateStudy.parse(createStudyBody(v)).title).toBeUndefined();
    expect(ZCreateStudy.parse(createStudyBody({ ...v, title: "  Spring pilot " })).title).toBe(
      "Spring pilot",
    );
  });

  it("refuses, before any request, what the server's schema refuses, keyed as the API keys it", async () => {
    const resolve = bodyResolver(ZCreateStudy, createStudyBody);
    const bad = await resolve(
      { ...STUDY_DEFAULTS, name: " ", design: "vs_reference", attentionCheckShare: "80" },
      undefined,
      { fields: {}, shouldUseNativeValidation: false },
    );
    expect(Object.keys(bad.errors).sort()).toEqual(["attentionCheckShare", "name", "reference"]);
    const good = await resolve({ ...STUDY_DEFAULTS, name: "S" }, undefined, {
      fields: {},
      shouldUseNativeValidation: false,
    });
    expect(good.errors).toEqual({});
    expect(good.values).toMatchObject({
      name: "S",
      criteria: [
        { key: "correctness", label: "Correctness", description: DEFAULT_CRITERIA[0]?.description },
        { key: "helpfulness", label: "Helpfulness", description: DEFAULT_CRITERIA[1]?.description },
      ],
      repeatShare: 0.05,
    });
  });

  it("sends each row's name and definition as a structured criterion, keyed by row for errors", async () => {
    const body = createStudyBody({
      ...STUDY_DEFAULTS,
      name: "S",
      criteria: [
        { label: "Clinical safety", description: "Nothing that could harm a patient" },
        { label: " ", description: "" },
      ],
    });
    expect(body.criteria[0]).toEqual({
      key: "clinical_safety",
      label: "Clinical safety",
      description: "Nothing that could harm a patient",
    });
    const resolve = bodyResolver(ZCreateStudy, createStudyBody);
    const bad = await resolve(
      {
        ...STUDY_DEFAULTS,
        name: "S",
        criteria: body.criteria.map((c) => ({ label: c.label, description: c.description })),
      },
      undefined,
      {
        fields: {},
        shouldUseNativeValidation: false,
      },
    );
    expect(Object.keys(bad.errors)).toEqual(["criteria.1.label"]);
  });

  it("offers uniform or adaptive allocation, asks adaptive studies for their goal, and drops it for uniform ones", () => {
    const html = render();
    const allocation = /<select[^>]*name="allocation"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    expect([...allocation.matchAll(/value="(\w+)"/g)].map((m) => m[1])).toEqual(["uniform", "adaptive"]);
    const goals = /<select[^>]*name="allocationGoal"[^>]*>(.*?)<\/select>/.exec(html)?.[1] ?? "";
    expect(goals).toContain("order every two neighbouring models at 95%");
    expect(goals).toContain("narrow the widest 95% rating interval");
    const noGoal = ZCreateStudy.safeParse(
      createStudyBody({ ...STUDY_DEFAULTS, name: "A", allocation: "adaptive", allocationGoal: "" }),
    );
    expect(noGoal.success ? [] : noGoal.error.issues.map((i) => i.path.join("."))).toEqual([
      "allocationGoal",
    ]);
    expect(
      ZCreateStudy.parse(
        createStudyBody({ ...STUDY_DEFAULTS, name: "A", allocation: "adaptive", allocationGoal: "ratings" }),
      ),
    ).toMatchObject({ allocation: "adaptive", allocationGoal: "ratings" });
    expect(
      ZCreateStudy.parse(createStudyBody({ ...STUDY_DEFAULTS, name: "A", allocationGoal: "ranking" })),
    ).toMatchObject({ allocation: "uniform", allocationGoal: null });
  });
});
