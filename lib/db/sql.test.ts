import { describe, expect, it } from "vitest";
import { sql, toPgQuery } from "./sql";

describe("sql", () => {
  it("numbers the values and keeps them out of the text", () => {
    const q = toPgQuery(sql`SELECT * FROM t WHERE a = ${"x'; DROP TABLE t; --"} AND b = ${2}`);
    expect(q.text).toBe("SELECT * FROM t WHERE a = $1 AND b = $2");
    expect(q.values).toEqual(["x'; DROP TABLE t; --", 2]);
  });

  it("flattens nested fragments with their values in order", () => {
    const inner = sql`INSERT INTO l (x, y) VALUES (${"i1"}, ${"i2"})`;
    const q = toPgQuery(sql`WITH a AS (${inner}) SELECT ${1}, ${sql`${"n"}::text`}, ${[1, 2]}`);
    expect(q.text).toBe("WITH a AS (INSERT INTO l (x, y) VALUES ($1, $2)) SELECT $3, $4::text, $5");
    expect(q.values).toEqual(["i1", "i2", 1, "n", [1, 2]]);
  });

  it("takes a fragment without values, first or last", () => {
    expect(toPgQuery(sql`${sql`SELECT 1`}`)).toEqual({ text: "SELECT 1", values: [] });
    expect(toPgQuery(sql`SELECT ${sql`${3}`}`)).toEqual({ text: "SELECT $1", values: [3] });
  });
});
