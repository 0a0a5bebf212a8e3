import { expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

it("keeps same-site paths and drops everything else", () => {
  expect(safeCallbackUrl("/admin/users?x=1")).toBe("/admin/users?x=1");
  expect(safeCallbackUrl("https://evil.example/")).toBe("/");
  expect(safeCallbackUrl("//evil.example/")).toBe("/");
  expect(safeCallbackUrl("/\\evil.example")).toBe("/");
  expect(safeCallbackUrl(undefined)).toBe("/");
});
