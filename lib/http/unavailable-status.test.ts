import { describe, expect, it } from "vitest";
import { contentTypeOf, statusWhenDatabaseUnavailable } from "./unavailable-status";

describe("statusWhenDatabaseUnavailable", () => {
  it("turns an escaped error and a page showing its error screen into 503", () => {
    expect(statusWhenDatabaseUnavailable(500, "application/problem+json")).toBe(503);
    expect(statusWhenDatabaseUnavailable(500, null)).toBe(503);
    expect(statusWhenDatabaseUnavailable(200, "text/html; charset=utf-8")).toBe(503);
  });
  it("leaves redirects, client errors, API answers and data alone", () => {
    expect(statusWhenDatabaseUnavailable(307, "text/html")).toBe(307);
    expect(statusWhenDatabaseUnavailable(404, "text/html")).toBe(404);
    expect(statusWhenDatabaseUnavailable(503, "application/problem+json")).toBe(503);
    expect(statusWhenDatabaseUnavailable(200, "application/json")).toBe(200);
    expect(statusWhenDatabaseUnavailable(200, "text/x-component")).toBe(200);
    expect(statusWhenDatabaseUnavailable(200, null)).toBe(200);
  });
});

describe("contentTypeOf", () => {
  it("reads the header from an object, raw pairs or a value", () => {
    expect(contentTypeOf({ "Content-Type": "text/html" })).toBe("text/html");
    expect(contentTypeOf(["x-a", "1", "content-type", "text/plain"])).toBe("text/plain");
    expect(contentTypeOf("text/html")).toBe("text/html");
    expect(contentTypeOf(undefined)).toBeNull();
    expect(contentTypeOf({ other: "x" })).toBeNull();
  });
});
