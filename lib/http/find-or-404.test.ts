import {
  isHTTPAccessFallbackError,
  getAccessFallbackHTTPStatus,
} from "next/dist/client/components/http-access-fallback/http-access-fallback";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError, notFound as notFoundError } from "@/lib/errors/app-error";
import { isDatabaseUnavailable } from "@/lib/errors/database-unavailable";
import { findOr404, parseOr404 } from "./find-or-404";

/** What next/navigation's notFound() throws: the control-flow error Next renders as the 404 screen. */
function isNext404(err: unknown): boolean {
  return isHTTPAccessFallbackError(err) && getAccessFallbackHTTPStatus(err) === 404;
}

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err,
  );
}

describe("findOr404", () => {
  it("passes a found record through, given a promise or a function", async () => {
    await expect(findOr404(Promise.resolve({ id: "a" }))).resolves.toEqual({ id: "a" });
    await expect(findOr404(() => Promise.resolve(3))).resolves.toBe(3);
  });

  it("turns a service's AppError NOT_FOUND into Next's 404", async () => {
    expect(isNext404(await failure(findOr404(Promise.reject(notFoundError("Dataset")))))).toBe(true);
  });

  it("rethrows a database outage untouched, so the page answers 503 rather than 404", async () => {
    const outage = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    const err = await failure(findOr404(Promise.reject(outage)));
    expect(err).toBe(outage);
    expect(isNext404(err)).toBe(false);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("rethrows every other AppError too (a conflict or a forbidden is no 404)", async () => {
    const conflict = new AppError("CONFLICT", "busy");
    expect(await failure(findOr404(() => Promise.reject(conflict)))).toBe(conflict);
  });
});

describe("parseOr404", () => {
  const ZId = z.object({ id: z.uuid() });
  it("answers the parsed params, or Next's 404 for params that cannot name a record", () => {
    const id = "5f0c7a52-2b1e-4f8a-9d3c-0a1b2c3d4e5f";
    expect(parseOr404(ZId, { id })).toEqual({ id });
    let thrown: unknown = null;
    try {
      parseOr404(ZId, { id: "not-a-uuid" });
    } catch (err) {
      thrown = err;
    }
    expect(isNext404(thrown)).toBe(true);
  });
});
