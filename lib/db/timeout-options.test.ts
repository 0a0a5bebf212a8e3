import { describe, expect, it } from "vitest";
import {
  EXEMPT_STATEMENT_SQL,
  isExemptStatement,
  poolTimeouts,
  queryTimeoutCoversStatement,
} from "./timeout-options";

const defaults = {
  DATABASE_CONNECT_TIMEOUT_MS: 4_000,
  DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
  DATABASE_QUERY_TIMEOUT_MS: 12_000,
  CLINREVIEW_EMBEDDED: false,
};

describe("poolTimeouts", () => {
  it("passes the three timeouts to a real server, 0 meaning off", () => {
    expect(poolTimeouts(defaults)).toEqual({
      connectionTimeoutMillis: 4_000,
      statementTimeoutMs: 10_000,
      queryTimeoutMs: 12_000,
    });
    expect(
      poolTimeouts({ ...defaults, DATABASE_STATEMENT_TIMEOUT_MS: 0, DATABASE_QUERY_TIMEOUT_MS: 0 }),
    ).toEqual({
      connectionTimeoutMillis: 4_000,
      statementTimeoutMs: null,
      queryTimeoutMs: null,
    });
  });
  it("gives the embedded single-session database the connect timeout only", () => {
    expect(poolTimeouts({ ...defaults, CLINREVIEW_EMBEDDED: true })).toEqual({
      connectionTimeoutMillis: 4_000,
      statementTimeoutMs: null,
      queryTimeoutMs: null,
    });
  });
});

describe("queryTimeoutCoversStatement", () => {
  it("wants the client to wait longer than the server's own cancel, unless either is off", () => {
    expect(queryTimeoutCoversStatement(12_000, 10_000)).toBe(true);
    expect(queryTimeoutCoversStatement(10_000, 10_000)).toBe(false);
    expect(queryTimeoutCoversStatement(5_000, 10_000)).toBe(false);
    expect(queryTimeoutCoversStatement(0, 10_000)).toBe(true);
    expect(queryTimeoutCoversStatement(5_000, 0)).toBe(true);
  });
});

describe("isExemptStatement", () => {
  it("recognises only the exemption's own statement", () => {
    expect(isExemptStatement(EXEMPT_STATEMENT_SQL)).toBe(true);
    expect(isExemptStatement(` ${EXEMPT_STATEMENT_SQL}\n`)).toBe(true);
    expect(isExemptStatement("SET statement_timeout = 0")).toBe(false);
    expect(isExemptStatement("SELECT 1")).toBe(false);
    expect(isExemptStatement(undefined)).toBe(false);
  });
});
