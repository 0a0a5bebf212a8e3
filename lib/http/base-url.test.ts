import { expect, it } from "vitest";
import { baseUrlFrom } from "./base-url";

it("builds links from NEXTAUTH_URL only, and refuses rather than trust the request's Host", () => {
  expect(baseUrlFrom("https://clinreview.example.org/")).toBe("https://clinreview.example.org");
  expect(() => baseUrlFrom(undefined)).toThrow(/NEXTAUTH_URL is not set/);
});
