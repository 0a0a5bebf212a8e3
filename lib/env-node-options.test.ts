import { describe, expect, it } from "vitest";
import { DEFAULT_SEMI_SPACE_MB, serverNodeOptions } from "./env";

describe("serverNodeOptions (npm start's V8 young generation)", () => {
  it("adds the default semi-space to whatever NODE_OPTIONS held", () => {
    expect(serverNodeOptions(undefined, undefined)).toBe(`--max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`);
    expect(serverNodeOptions("--import x.mjs", "")).toBe(
      `--import x.mjs --max-semi-space-size=${DEFAULT_SEMI_SPACE_MB}`,
    );
  });

  it("takes APP_SEMI_SPACE_MB, and 0 leaves V8's default", () => {
    expect(serverNodeOptions("", "64")).toBe("--max-semi-space-size=64");
    expect(serverNodeOptions(" --trace-gc ", "0")).toBe("--trace-gc");
  });

  it("keeps a semi-space flag the operator set in NODE_OPTIONS", () => {
    expect(serverNodeOptions("--max-semi-space-size=8", "64")).toBe("--max-semi-space-size=8");
  });

  it("refuses what is not a size in MB", () => {
    for (const bad of ["-1", "1.5", "big", "257"])
      expect(() => serverNodeOptions("", bad)).toThrow(/APP_SEMI_SPACE_MB/);
  });
});
