import { describe, expect, it } from "vitest";
import { zBoolFlag } from "./env";

describe("zBoolFlag (yes/no settings such as DATABASE_PREPARED_STATEMENTS)", () => {
  it("reads 1/true/on and 0/false/off in any case", () => {
    for (const yes of ["1", "true", "on", "TRUE", "On"]) expect(zBoolFlag(false).parse(yes)).toBe(true);
    for (const no of ["0", "false", "off", "FALSE", "Off"]) expect(zBoolFlag(true).parse(no)).toBe(false);
  });

  it("takes the default when unset or empty", () => {
    expect(zBoolFlag(true).parse(undefined)).toBe(true);
    expect(zBoolFlag(true).parse("")).toBe(true);
    expect(zBoolFlag(false).parse(undefined)).toBe(false);
  });

  it("refuses anything else instead of guessing", () => {
    for (const bad of ["yes please", "2", "no"]) expect(zBoolFlag(true).safeParse(bad).success).toBe(false);
  });
});
