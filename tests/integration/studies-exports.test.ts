import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { parseCsv } from "@/lib/csv/csv";
import {
  annotationsRoute,
  dpoRoute,
  judgementsCsvRoute,
  studyStatsRoute,
} from "@/lib/studies/results-routes";
import { importJudgeRoute, judgeAgreementRoute } from "@/lib/studies/judge-routes";
import { twoModelStudy } from "../support/export-fixtures";
import { makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

type THandler = {
  handle: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
};

async function caller(role: "ADMIN" | "RESEARCHER") {
  const user = await makeUser(role);
  const { token } = await insertApiToken(db(), user.id, "t", null);
  return (route: THandler, url: string, params: Record<string, string>, body?: string) =>
    route.handle(
      new Request(`http://app.test${url}`, {
        method: body === undefined ? "GET" : "POST",
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body,
      }),
      { params: Promise.resolve(params) },
    );
}

// Two prompts share an instruction and differ only in their input, as AlpacaEval-style sets do.
const PROMPTS = [
  { instruction: "Summarise the discharge note.", input: "Note one: admitted with chest pain." },
  { instruction: "Summarise the discharge note.", input: "Note two: admitted with pneumonia." },
  { instruction: "What is HbA1c?", input: "" },
];

describe("exports carry the prompt's input", () => {
  it("CSV, AlpacaEval annotations and DPO pairs include the input, and our annotations re-import as a judge matching every prompt", async () => {
    const study = await twoModelStudy("Inputs", PROMPTS, { rated: true });
    const researcher = await caller("RESEARCHER");
    const params = { id: study.id };
    const base = `/api/v1/studies/${study.id}`;

    const csv = parseCsv(
      await (await researcher(judgementsCsvRoute, `${base}/judgements.csv`, params)).text(),
    ).filter((r) => r.length > 1);
    const header = csv[0] ?? [];
    const [prompt, input] = [header.indexOf("prompt"), header.indexOf("input")];
    expect(input).toBeGreaterThan(0);
    expect(
      csv
        .slice(1)
        .map((r) => [r[prompt], r[input]])
        .sort(),
    ).toEqual(PROMPTS.map((p) => [p.instruction, p.input]).sort());

    const annRes = await researcher(
      annotationsRoute,
      `${base}/annotations.json?criterion=correctness`,
      params,
    );
    const annotations = (await annRes.json()) as {
      instruction: string;
      input: string;
      generator_2: string;
      preference: number;
    }[];
    expect(annotations.map((a) => [a.instruction, a.input]).sort()).toEqual(
      PROMPTS.map((p) => [p.instruction, p.input]).sort(),
    );
    expect(annotations.every((a) => a.generator_2 === "m-good" && a.preference === 2)).toBe(true);

    const dpo = (await (await researcher(dpoRoute, `${base}/dpo.jsonl?criterion=correctness`, params)).text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { prompt: string; chosen: string });
    expect(dpo.map((d) => d.prompt).sort()).toEqual(
      [
        "Summarise the discharge note.\n\nNote one: admitted with chest pain.",
        "Summarise the discharge note.\n\nNote two: admitted with pneumonia.",
        "What is HbA1c?",
      ].sort(),
    );
    expect(dpo.every((d) => d.chosen.includes("m-good"))).toBe(true);

    // Our own download, fed back as an LLM judge's annotations, matches all three prompts.
    const manager = await caller("ADMIN");
    const imported = await manager(
      importJudgeRoute,
      `${base}/judge-annotations?judge=self&criterion=correctness`,
      params,
      JSON.stringify(annotations),
    );
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ stored: 3, unmatched: 0 });
    const agreement = (await (
      await researcher(judgeAgreementRoute, `${base}/judge-agreement`, params)
    ).json()) as { agreement: { n: number; percentAgreement: number }[] };
    expect(agreement.agreement).toMatchObject([{ n: 3, percentAgreement: 1 }]);
  });
});

describe("the audit trail of downloads", () => {
  it("records the statistics and every export, each before it is answered", async () => {
    const study = await twoModelStudy("Audited", PROMPTS, { rated: false });
    const researcher = await caller("RESEARCHER");
    const params = { id: study.id };
    const base = `/api/v1/studies/${study.id}`;
    const downloads = [
      [studyStatsRoute, `${base}/stats?criterion=correctness&bootstrapRounds=50`, "stats"],
      [judgementsCsvRoute, `${base}/judgements.csv`, "judgements.csv"],
      [annotationsRoute, `${base}/annotations.json?criterion=correctness`, "annotations:correctness"],
      [dpoRoute, `${base}/dpo.jsonl?criterion=correctness`, "dpo:correctness"],
    ] as const;
    for (const [route, url, what] of downloads) {
      const res = await researcher(route, url, params);
      expect(
        await db().auditLog.count({
          where: {
            action: "study.export",
            entityType: "study",
            entityId: study.id,
            after: { path: ["what"], equals: what },
          },
        }),
        what,
      ).toBe(1);
      expect(res.status, what).toBe(200);
      await res.arrayBuffer();
    }
    const stats = await db().auditLog.findFirstOrThrow({
      where: { action: "study.export", after: { path: ["what"], equals: "stats" } },
    });
    expect(stats.after).toEqual({
      what: "stats",
      filter: { criterion: "correctness", bootstrapRounds: "50" },
    });
  });
});
