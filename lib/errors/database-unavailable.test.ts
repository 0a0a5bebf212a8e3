import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises the driver's, the pool's, PostgreSQL's and Prisma's ways of saying so, through causes", () => {
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("the database system is shutting down"), { code: "57P03" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("pool"), { code: "P2024" }))).toBe(true);
    expect(
      isDatabaseUnavailable(new Error("wrapped", { cause: new Error("Connection terminated unexpectedly") })),
    ).toBe(true);
  });
  it("counts the timeouts as unavailability: client-side, statement_timeout, and a transaction that could not start", () => {
    expect(isDatabaseUnavailable(new Error("Query read timeout"))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Client was closed and is not queryable"))).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("Transaction API error: Unable to start a transaction in the given time."), {
          code: "P2028",
        }),
      ),
    ).toBe(true);
  });
  it("leaves every other error alone", () => {
    expect(isDatabaseUnavailable(new Error("duplicate key value"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "23505" }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
