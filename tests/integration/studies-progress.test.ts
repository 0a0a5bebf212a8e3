// Issue 17: "are we done?" in the researchers' API (the stats route's progress), and the results
// page's Examples card reading only the prompts it shows.
import pg from "pg";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudy } from "@/lib/studies/create-study";
import { importOutputs } from "@/lib/studies/import-outputs";
import { startStudy } from "@/lib/studies/start-study";
import { nextAssignment, submitJudgement } from "@/lib/studies/rating-queue";
import { studyStatsRoute } from "@/lib/studies/results-routes";
import { studyExamples } from "@/lib/studies/study-examples";
import { ZCreateStudy } from "@/lib/studies/schemas";
import { apiCaller } from "../support/api-caller";
import { asCurrent, ctx, makeClinicians, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

const PROMPTS = 16;
const modelIn = (text: string) => /by (\S+)$/.exec(text)?.[1] ?? "";

/**
 * Three models on 16 prompts, every pair on every prompt, one rater: "strong" always wins, and
 * "even-1" against "even-2" is a coin flip (each wins on half the prompts). So in the ranking
 * strong is first and settled above whichever "even" is second; the two evens are not settled.
 */
async function ratedStudy() {
  const admin = asCurrent(await makeUser("ADMIN"));
  const study = await createStudy(
    admin,
    ZCreateStudy.parse({ name: "Progress", criteria: ["Accuracy"], design: "all_pairs", seed: "p" }),
    ctx(),
  );
  for (const model of ["strong", "even-1", "even-2"]) {
    await importOutputs(
      admin,
      study.id,
      Array.from({ length: PROMPTS }, (_, i) => ({
        instruction: `Prompt ${i}`,
        input: "",
        model,
        text: `answer ${i} by ${model}`,
      })),
      ctx(),
    );
  }
  await startStudy(admin, study.id, ctx());
  const [rater] = await makeClinicians(1);
  let judgements = 0;
  for (;;) {
    const a = await nextAssignment(rater!, study.id);
    if (!a) break;
    const left = modelIn(a.responses[0].text);
    const right = modelIn(a.responses[1].text);
    const prompt = Number(/\d+/.exec(a.prompt.instruction)?.[0]);
    const winner =
      left === "strong" || right === "strong" ? "strong" : prompt % 2 === 0 ? "even-1" : "even-2";
    await submitJudgement(
      rater!,
      a.assignmentId,
      { choices: { accuracy: left === winner ? "A" : "B" } },
      ctx(),
    );
    judgements++;
  }
  return { study, judgements };
}

type TProgress = {
  criterion: string;
  judgements: number;
  targetWidth: number;
  rankingSettled: boolean;
  pairs: {
    higher: string;
    lower: string;
    difference: number;
    ci: [number, number];
    settled: boolean;
    adjacent: boolean;
    width: number;
    moreNeeded: number;
  }[];
};

describe("are we done? in the stats route", () => {
  it("says which adjacent order is settled and estimates the judgements still needed for the width asked", async () => {
    const { study, judgements } = await ratedStudy();
    expect(judgements).toBe(PROMPTS * 3);
    const researcher = await apiCaller("RESEARCHER");
    const get = async (width: string) => {
      const res = await researcher.call(
        studyStatsRoute,
        `/api/v1/studies/${study.id}/stats?bootstrapRounds=300&width=${width}`,
        { params: { id: study.id } },
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as { progress: TProgress[] }).progress;
    };
    const [progress] = await get("40");
    expect(progress).toMatchObject({ criterion: "accuracy", judgements: PROMPTS * 3, targetWidth: 40 });
    const adjacent = progress!.pairs.filter((p) => p.adjacent);
    expect(adjacent).toHaveLength(2);
    expect(adjacent[0]).toMatchObject({ higher: "strong", settled: true });
    expect(adjacent[0]!.ci[0]).toBeGreaterThan(0);
    expect([adjacent[1]!.higher, adjacent[1]!.lower].sort()).toEqual(["even-1", "even-2"]);
    expect(adjacent[1]!.settled).toBe(false);
    expect(adjacent[1]!.ci[0]).toBeLessThanOrEqual(0);
    expect(progress!.rankingSettled).toBe(false);
    expect(progress!.pairs).toHaveLength(3);

    // The square-root law at the width asked; a wider target needs fewer, a loose one none.
    const evens = adjacent[1]!;
    expect(evens.width).toBeGreaterThan(40);
    expect(evens.moreNeeded).toBe(Math.ceil(PROMPTS * 3 * ((evens.width / 40) ** 2 - 1)));
    const [wider] = await get("80");
    const widerEvens = wider!.pairs.find((p) => p.adjacent && !p.higher.startsWith("strong"))!;
    expect(widerEvens.moreNeeded).toBeLessThan(evens.moreNeeded);
    const [loose] = await get("2000");
    expect(loose!.pairs.every((p) => p.moreNeeded === 0)).toBe(true);
  });

  it("refuses a width that is not a positive number of Elo points with a 400, not a 500", async () => {
    const { study } = await ratedStudy();
    const researcher = await apiCaller("RESEARCHER");
    for (const width of ["0", "-5", "abc"]) {
      const res = await researcher.call(studyStatsRoute, `/api/v1/studies/${study.id}/stats?width=${width}`, {
        params: { id: study.id },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("answers researchers and admins, never clinicians (the raters)", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const study = await createStudy(
      admin,
      ZCreateStudy.parse({ name: "Empty", criteria: ["Accuracy"], design: "all_pairs" }),
      ctx(),
    );
    const url = `/api/v1/studies/${study.id}/stats?width=50`;
    const expected = { ADMIN: 200, RESEARCHER: 200, CLINICIAN: 403 } as const;
    for (const role of ["ADMIN", "RESEARCHER", "CLINICIAN"] as const) {
      const caller = await apiCaller(role);
      const res = await caller.call(studyStatsRoute, url, { params: { id: study.id } });
      expect(res.status, role).toBe(expected[role]);
      if (res.status === 200) expect(((await res.json()) as { progress: unknown[] }).progress).toEqual([]);
    }
  });
});

// Rows as pg hands them over, below Prisma, counted only while `counting`. Patched when the file
// loads, before its first connection: the pool binds each client's query when it connects
// (lib/db/pool.ts), so a later patch would miss pooled connections. The pool passes a callback.
type TQuery = (...args: unknown[]) => unknown;
type TResult = { rows?: unknown[] } | undefined;
const proto = pg.Client.prototype as unknown as { query: TQuery };
const original = proto.query;
let counting = false;
let fetched = 0;
const add = (r: TResult) => {
  if (counting) fetched += r?.rows?.length ?? 0;
};
proto.query = function counted(this: unknown, ...args: unknown[]): unknown {
  const last = args.length - 1;
  const callback = args[last];
  if (typeof callback === "function") {
    args[last] = (err: unknown, r: TResult) => {
      add(r);
      return (callback as (e: unknown, r: TResult) => unknown)(err, r);
    };
    return original.apply(this, args);
  }
  const out = original.apply(this, args) as Promise<TResult> | undefined;
  void out?.then(add, () => undefined);
  return out;
};
afterAll(() => {
  proto.query = original;
});

describe("the Examples card", () => {
  it("reads only the prompts it shows (counted and limited in SQL), with their votes and wins", async () => {
    const { study, judgements } = await ratedStudy();
    fetched = 0;
    counting = true;
    const examples = await studyExamples(study.id, 2);
    counting = false;
    expect(examples).toHaveLength(2);
    for (const e of examples) {
      // Each prompt has the three pairs, one vote each; strong wins both of its comparisons.
      expect(e.votes).toBe(3);
      expect(e.outputs.map((o) => o.model)).toEqual(["even-1", "even-2", "strong"]);
      expect(e.outputs.find((o) => o.model === "strong")?.wins).toBe(2);
      expect(e.outputs.reduce((s, o) => s + o.wins, 0)).toBe(3);
      expect(e.instruction).toMatch(/^Prompt \d+$/);
    }
    // 2 top prompts + ≤ 4 win rows + 2 prompts + 6 outputs: nowhere near the study's 48 judgements.
    expect(fetched).toBeGreaterThan(0);
    expect(fetched).toBeLessThanOrEqual(14);
    expect(fetched).toBeLessThan(judgements);
  });
});
