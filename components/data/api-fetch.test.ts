import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ApiError,
  apiFetch,
  detailOf,
  fieldErrorsOf,
  NETWORK_MESSAGE,
  problemSummary,
  readProblem,
} from "./api-fetch";

const problem = (status: number, body: unknown, type = "application/problem+json") =>
  new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "content-type": type },
  });

afterEach(() => vi.unstubAllGlobals());

describe("readProblem", () => {
  it("reads detail, code and field errors of a problem+json body", () => {
    const e = readProblem(422, {
      type: "https://clinreview.dev/problems/validation",
      title: "Invalid input",
      detail: "Check the fields",
      errors: { instruction: ["Too long"], bad: 3 },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(422);
    expect(e.message).toBe("Check the fields");
    expect(e.code).toBe("validation");
    expect(e.fieldErrors).toEqual({ instruction: ["Too long"] });
    expect(problemSummary(e)).toBe("Check the fields — instruction: Too long");
  });

  it("falls back to the title, then to the status, when the body says less", () => {
    expect(readProblem(403, { title: "Forbidden" }).message).toBe("Forbidden");
    expect(readProblem(502, null).message).toBe("Request failed (502)");
    expect(readProblem(500, [1, 2]).fieldErrors).toEqual({});
  });

  it("keeps a single-string field error as a list", () => {
    expect(fieldErrorsOf({ errors: { name: "Required" } })).toEqual({ name: ["Required"] });
  });
});

describe("apiFetch", () => {
  it("sends JSON and resolves with the body; 204 resolves null", async () => {
    const f = vi
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify({ id: "a" }), { status: 201 }))
      .mockResolvedValueOnce(new Response(null, { status: 204 }));
    vi.stubGlobal("fetch", f);
    await expect(
      apiFetch("/api/v1/x", { method: "PUT", body: { a: 1 }, headers: { "idempotency-key": "k" } }),
    ).resolves.toEqual({ id: "a" });
    const [, init] = f.mock.calls[0] as [string, RequestInit];
    expect(init.method).toBe("PUT");
    expect(init.body).toBe('{"a":1}');
    expect(init.headers).toEqual({ "content-type": "application/json", "idempotency-key": "k" });
    await expect(apiFetch("/api/v1/x")).resolves.toBeNull();
  });

  it("throws the typed refusal of a problem+json answer, keeping its extra data", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn().mockResolvedValue(
        problem(409, {
          type: "/problems/conflict",
          detail: "Someone else saved first.",
          currentVersion: 3,
        }),
      ),
    );
    const e = await apiFetch("/api/v1/seeds/1", { method: "PUT", body: {} }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).status).toBe(409);
    expect((e as ApiError).body.currentVersion).toBe(3);
  });

  it("turns a failed connection or a non-JSON error page into an ApiError", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const net = (await apiFetch("/api/v1/x").catch((x: unknown) => x)) as ApiError;
    expect(net.isNetwork).toBe(true);
    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(problem(502, "<html>Bad gateway</html>", "text/html")));
    const html = (await apiFetch("/api/v1/x").catch((x: unknown) => x)) as ApiError;
    expect(html.status).toBe(502);
    expect(html.message).toBe("Request failed (502)");
  });

  it("sends FormData untouched (uploads)", async () => {
    const f = vi.fn().mockResolvedValue(new Response("{}", { status: 200 }));
    vi.stubGlobal("fetch", f);
    const fd = new FormData();
    fd.set("file", "x");
    await apiFetch("/api/v1/upload", { body: fd });
    const [, init] = f.mock.calls[0] as [string, RequestInit];
    expect(init.body).toBe(fd);
    expect(init.method).toBe("POST");
    expect(init.headers).toEqual({});
  });
});

describe("detailOf", () => {
  it("prefers the server's detail, then the network sentence, then the caller's fallback", () => {
    expect(detailOf(readProblem(409, { detail: "Someone else saved first." }), "x")).toBe(
      "Someone else saved first.",
    );
    expect(detailOf(new Error("boom"), "x")).toBe(NETWORK_MESSAGE);
    expect(detailOf(readProblem(400, { title: "Bad" }), "Could not save.")).toBe("Could not save.");
  });
});
