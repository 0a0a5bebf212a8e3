import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { appErrorProblem, problemResponse, RETRY_AFTER_SECONDS } from "./problem";

describe("problemResponse's Retry-After", () => {
  it("says when to come back for a refusal that knows it (a throttled password check, a key still in use)", () => {
    const throttled = new AppError("RATE_LIMITED", "Too many", { extra: { retryAfterSeconds: 7.2 } });
    expect(problemResponse(appErrorProblem(throttled)).headers.get("retry-after")).toBe("8");
    expect(
      problemResponse(
        appErrorProblem(new AppError("CONFLICT", "busy", { extra: { retryAfterSeconds: 1 } })),
      ).headers.get("retry-after"),
    ).toBe("1");
  });

  it("keeps the 503 default and adds nothing to other answers", () => {
    expect(
      problemResponse(appErrorProblem(new AppError("UNAVAILABLE", "down"))).headers.get("retry-after"),
    ).toBe(String(RETRY_AFTER_SECONDS));
    expect(
      problemResponse(appErrorProblem(new AppError("VALIDATION", "no"))).headers.get("retry-after"),
    ).toBeNull();
  });
});
