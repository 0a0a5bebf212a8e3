import { describe, expect, it } from "vitest";
import { DEFAULT_SEMI_SPACE_MB, serverNodeOptions } from "./env";

describe("serverNodeOptions (npm start's V8 young generation)", () => {
  it("leaves NODE_OPTIONS as it was by default (V8's own young generation)", () => {
    expect(DEFAULT_SEMI_SPACE_MB).toBe(0);
    expect(serverNodeOptions(undefined, undefined)).toBe("");
    expect(serverNodeOptions("--import x.mjs", "")).toBe("--import x.mjs");
  });

  it("adds the semi-space APP_SEMI_SPACE_MB asks for to whatever NODE_OPTIONS held", () => {
    expect(serverNodeOptions("--import x.mjs", "32")).toBe("--import x.mjs --max-semi-space-size=32");
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
