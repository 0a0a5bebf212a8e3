// JSON API bodies as an attacker sends them, through a real route handler: refused as 4xx, never
// stored altered, never a 500.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/prisma";
import { createStudyRoute } from "@/lib/studies/study-routes";
import { parseInput } from "@/lib/errors/parse-input";
import { autosaveSeedRoute } from "@/lib/seeds/autosave-route";
import { createSeed } from "@/lib/seeds/create-seed";
import { ZSeedFields } from "@/lib/seeds/schemas";
import { addTerm } from "@/lib/vocabulary/add-term";
import { asCurrent, ctx, makeUser } from "../support/factories";
import { resetDatabase } from "../support/db";
import { apiCaller } from "../support/api-caller";

beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  await db().$disconnect();
});

async function post(body: BodyInit) {
  const { call } = await apiCaller("ADMIN");
  return call(createStudyRoute, "/api/v1/studies", { method: "POST", body });
}

const study = (name: string) => ({ name, criteria: ["Accuracy"], design: "all_pairs" });

describe("JSON API bodies", () => {
  it("refuses invalid UTF-8 inside a JSON string (400) instead of storing U+FFFD", async () => {
    const [head, tail] = JSON.stringify(study("Bad \u0001")).split("\\u0001");
    const bytes = Buffer.concat([
      Buffer.from(head ?? ""),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(tail ?? ""),
    ]);
    const res = await post(bytes);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(JSON.stringify(await res.json())).toContain("UTF-8");
    expect(await db().study.count()).toBe(0);
  });

  it("stops reading a streamed body at 1 MB (413), whatever Content-Length says", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(32);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50_000_000) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await post(stream);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(2_000_000);
  });

  it("answers JSON nested 100,000 deep with a 4xx, not a 500", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const res = await post(`{"name":"x","criteria":${deep},"design":"all_pairs"}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toBe(
      "The request body is nested more than 64 levels deep",
    );
    expect(await db().study.count()).toBe(0);
  });

  it("refuses a number too large to store (1e400) in a free-form JSON field with 422 naming the field, instead of storing null", async () => {
    const admin = asCurrent(await makeUser("ADMIN"));
    const [topic, view, type] = await Promise.all([
      addTerm(admin, { kind: "TOPIC", label: "Cardiology" }, ctx()),
      addTerm(admin, { kind: "VIEW", label: "Patient" }, ctx()),
      addTerm(admin, { kind: "TYPE", label: "Open Q&A" }, ctx()),
    ]);
    const { call, current } = await apiCaller("CLINICIAN");
    const { id } = await createSeed(
      current,
      parseInput(ZSeedFields, {
        topicId: topic.id,
        viewId: view.id,
        typeId: type.id,
        instruction: "Explain angina.",
        difficulty: "2",
      }),
      ctx(),
    );
    const put = (body: string) =>
      call(autosaveSeedRoute, `/api/v1/seeds/${id}/draft`, { method: "PUT", body, params: { id } });
    const res = await put('{"baseVersion":1,"payload":{"instruction":"Explain angina.","notes":[1,1e400]}}');
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: Record<string, string[]> }).errors).toEqual({
      "payload.notes.1": ["This number is too large to store"],
    });
    expect(await db().seedDraft.count()).toBe(0);
    expect(
      (await put('{"baseVersion":1,"payload":{"instruction":"Explain angina.","notes":[1,1e300]}}')).status,
    ).toBe(200);
    expect((await db().seedDraft.findFirstOrThrow()).payload).toEqual({
      instruction: "Explain angina.",
      notes: [1, 1e300],
    });
  });
});
