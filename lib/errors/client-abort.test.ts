import { expect, it } from "vitest";
import { isClientAbort } from "./client-abort";
import { isDatabaseUnavailable } from "./database-unavailable";

it("tells a client closing its request from a database that cannot be reached", () => {
  const abort = Object.assign(new Error("aborted"), { code: "ECONNRESET" });
  expect(isClientAbort(abort)).toBe(true);
  // Both carry ECONNRESET: the abort must be recognised first (lib/http/problem.ts).
  expect(isDatabaseUnavailable(abort)).toBe(true);
  expect(isClientAbort(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
  expect(isClientAbort("aborted")).toBe(false);
});
