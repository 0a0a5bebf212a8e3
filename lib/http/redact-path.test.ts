import { describe, expect, it } from "vitest";
import { redactPath } from "./redact-path";

describe("redactPath", () => {
  it("hides long token-like segments and keeps ordinary ones", () => {
    expect(redactPath("/invite/Zk3q9W_x-8bYt2LmNc4PqRs7Tu")).toBe("/invite/:redacted");
    expect(redactPath("/reset-password/abcdefghijklmnopqrstuvwxyz0123")).toBe("/reset-password/:redacted");
    expect(redactPath("/studies/42/rate")).toBe("/studies/42/rate");
    expect(redactPath("/")).toBe("/");
  });

  it("keeps record ids (UUIDs), which the logs need", () => {
    expect(redactPath("/datasets/1b4e28ba-2fa1-11d2-883f-0016d3cca427/items")).toBe(
      "/datasets/1b4e28ba-2fa1-11d2-883f-0016d3cca427/items",
    );
  });
});
