import { describe, expect, it } from "vitest";
import { ageLabel } from "./age-label";

const now = new Date("2026-12-06T12:00:00Z");

describe("ageLabel", () => {
  it("names the largest whole unit", () => {
    expect(ageLabel("2026-12-06T11:55:00Z", now)).toBe("5 min");
    expect(ageLabel("2026-12-06T09:00:00Z", now)).toBe("3 h");
    expect(ageLabel("2026-12-05T11:00:00Z", now)).toBe("1 day");
    expect(ageLabel("2026-11-26T12:00:00Z", now)).toBe("10 days");
  });
  it("reads a future or unreadable time as just now", () => {
    expect(ageLabel("2026-12-06T12:05:00Z", now)).toBe("just now");
    expect(ageLabel("not a date", now)).toBe("just now");
  });
});
