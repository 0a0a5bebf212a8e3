import { describe, expect, it } from "vitest";
import { formatDuration } from "./format-duration";

describe("formatDuration", () => {
  it("shows durations under a second in milliseconds, never as 0 s", () => {
    expect(formatDuration(0)).toBe("0 ms");
    expect(formatDuration(1)).toBe("1 ms");
    expect(formatDuration(400)).toBe("400 ms");
    expect(formatDuration(999.4)).toBe("999 ms");
    expect(formatDuration(999.6)).toBe("1.0 s");
  });
  it("seconds with one decimal under a minute, then minutes and hours", () => {
    expect(formatDuration(1_000)).toBe("1.0 s");
    expect(formatDuration(12_345)).toBe("12.3 s");
    expect(formatDuration(59_940)).toBe("59.9 s");
    expect(formatDuration(59_960)).toBe("1 min 00 s");
    expect(formatDuration(245_000)).toBe("4 min 05 s");
    expect(formatDuration(3_720_000)).toBe("1 h 02 min");
  });
  it("a dash for no data", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(-5)).toBe("—");
  });
});
