import { describe, expect, it } from "vitest";
import { fileTooLargeMessage, formatBytes, MAX_IMPORT_BYTES } from "./import-limits";

describe("import limits", () => {
  it("formats sizes as a file manager does", () => {
    expect(formatBytes(93)).toBe("93 bytes");
    expect(formatBytes(76_794)).toBe("77 KB");
    expect(formatBytes(1_382_000)).toBe("1.4 MB");
    expect(formatBytes(5_000_000)).toBe("5 MB");
  });

  it("names the limit in megabytes and bytes", () => {
    expect(MAX_IMPORT_BYTES).toBe(5_000_000);
    expect(fileTooLargeMessage()).toBe(
      "The file is larger than 5 MB (5,000,000 bytes), the most one import takes: split it into smaller files",
    );
  });
});
