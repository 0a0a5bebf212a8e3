import { afterEach, describe, expect, it, vi } from "vitest";
import { describeError, log } from "./logger";

describe("logger", () => {
  afterEach(() => vi.restoreAllMocks());

  it("writes one JSON line per call and redacts secrets and clinical text by key", () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    log.info("request", {
      requestId: "r1",
      status: 200,
      password: "hunter2",
      authorization: "Bearer crv_x",
      instruction: "Patient with chest pain",
      output: "Take aspirin",
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    const entry = JSON.parse(lines[0] ?? "{}") as Record<string, unknown>;
    expect(entry).toMatchObject({ level: "info", msg: "request", requestId: "r1", status: 200 });
    for (const k of ["password", "authorization", "instruction", "output"])
      expect(entry[k]).toBe("[redacted]");
    expect(lines[0]).not.toContain("hunter2");
    expect(lines[0]).not.toContain("chest pain");
  });

  it("sends errors to stderr and describes them without unbounded text", () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    log.error("boom", describeError(new Error("x".repeat(2000))));
    const entry = JSON.parse(lines[0] ?? "{}") as { errorMessage: string; errorName: string };
    expect(entry.errorName).toBe("Error");
    expect(entry.errorMessage.length).toBe(500);
  });
});
