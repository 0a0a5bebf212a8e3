import { afterEach, describe, expect, it, vi } from "vitest";
import { logRequestError } from "./request-error";

function captureStderr(): string[] {
  const lines: string[] = [];
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  return lines;
}

class PrismaClientKnownRequestError extends Error {
  code = "P2002";
  constructor(message: string) {
    super(message);
    this.name = "PrismaClientKnownRequestError";
  }
}

describe("onRequestError logging", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs one JSON line with the request id, route and error class/code, never the Prisma message or its args", () => {
    const lines = captureStderr();
    const err = new PrismaClientKnownRequestError(
      'Invalid `prisma.seed.create()` invocation:\n{ data: { instruction: "68-year-old with crushing chest pain" } }\nUnique constraint failed',
    );
    logRequestError(
      err,
      { path: "/seeds/new?q=chest%20pain", method: "POST", headers: { "x-request-id": "req-12345678" } },
      { routerKind: "App Router", routePath: "/seeds/new", routeType: "action" },
    );
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({
      level: "error",
      msg: "request error",
      requestId: "req-12345678",
      method: "POST",
      path: "/seeds/new",
      route: "/seeds/new",
      routeType: "action",
      errorName: "PrismaClientKnownRequestError",
      errorCode: "P2002",
    });
    expect(lines[0]).not.toMatch(/chest|instruction|invocation|Unique constraint/);
  });

  it("redacts token paths, ignores a malformed request id and survives non-Error throws", () => {
    const lines = captureStderr();
    logRequestError(
      "boom",
      {
        path: "/reset-password/abcdefghijklmnopqrstuvwxyz012345",
        method: "GET",
        headers: { "x-request-id": "bad id!" },
      },
      {
        routerKind: "App Router",
        routePath: "/reset-password/[token]",
        routeType: "render",
      },
    );
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ requestId: null, path: "/reset-password/:redacted", errorName: "string" });
    expect(lines[0]).not.toContain("abcdefghijklmnopqrstuvwxyz012345");
  });
});
