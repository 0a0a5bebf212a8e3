import { describe, expect, it } from "vitest";
import { unsupportedDumpReason, withoutRestrictGuards } from "./backup";

const HEAD = "--\n-- PostgreSQL database dump\n--\n\n";

describe("restore input checks", () => {
  it("drops pg_dump's psql \\restrict guards and accepts an INSERT dump", () => {
    const sql = withoutRestrictGuards(
      `${HEAD}\\restrict Ab12Cd\n\nSET x = 1;\nINSERT INTO t VALUES (1);\n\\unrestrict Ab12Cd\n`,
    );
    expect(sql).toBe(`${HEAD}\nSET x = 1;\nINSERT INTO t VALUES (1);\n`);
    expect(unsupportedDumpReason(sql)).toBeNull();
  });

  it("refuses files that are not plain dumps, and COPY or meta-command dumps", () => {
    expect(unsupportedDumpReason("DROP TABLE users;")).toMatch(/not a plain-format pg_dump/);
    expect(unsupportedDumpReason(`${HEAD}COPY public.t (a) FROM stdin;\n1\n\\.\n`)).toMatch(
      /psql --single-transaction/,
    );
    expect(unsupportedDumpReason(`${HEAD}\\connect other\n`)).toMatch(/meta-commands/);
  });
});
