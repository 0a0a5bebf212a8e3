import { describe, expect, it } from "vitest";
import { appWorkers, MAX_DEFAULT_WORKERS } from "./env";

describe("appWorkers (npm start's server processes)", () => {
  it("defaults to one per core, capped", () => {
    expect(appWorkers(2, undefined)).toBe(2);
    expect(appWorkers(1, "")).toBe(1);
    expect(appWorkers(64, undefined)).toBe(MAX_DEFAULT_WORKERS);
  });

  it("takes APP_WORKERS as given, beyond the default cap too", () => {
    expect(appWorkers(2, "1")).toBe(1);
    expect(appWorkers(2, "8")).toBe(8);
  });

  it("refuses what is not a worker count", () => {
    for (const bad of ["0", "-1", "1.5", "many", "65"])
      expect(() => appWorkers(2, bad)).toThrow(/APP_WORKERS/);
  });
});
