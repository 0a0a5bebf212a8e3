import { describe, expect, it } from "vitest";
import { hasControlCharacters, safeAuthRedirect, safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-site paths and drops everything else", () => {
    expect(safeCallbackUrl("/admin/users?x=1")).toBe("/admin/users?x=1");
    expect(safeCallbackUrl("/studies/abc#top")).toBe("/studies/abc#top");
    expect(safeCallbackUrl("https://evil.example/")).toBe("/");
    expect(safeCallbackUrl("//evil.example/")).toBe("/");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });

  it("refuses what browsers would turn into another host: tabs, newlines, backslashes", () => {
    for (const hostile of [
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "/\\/evil.test",
      "/\t\\evil.test",
      "/%2F/evil.test/..//x",
    ]) {
      const safe = safeCallbackUrl(hostile);
      // Whatever comes back resolves on this app's origin.
      expect(new URL(safe, "https://app.test").origin, JSON.stringify(hostile)).toBe("https://app.test");
      expect(safe.startsWith("//")).toBe(false);
    }
    expect(safeCallbackUrl("/\t/evil.test")).toBe("/");
    expect(safeCallbackUrl("/a/../b")).toBe("/b");
  });

  it("spots control characters", () => {
    expect(hasControlCharacters("/a\r\nSet-Cookie: x")).toBe(true);
    expect(hasControlCharacters("/a b?c=é")).toBe(false);
  });
});

describe("safeAuthRedirect", () => {
  it("keeps this app's own absolute URLs and paths, and sends anything else home", () => {
    expect(safeAuthRedirect("https://app.test/seeds?x=1", "https://app.test")).toBe(
      "https://app.test/seeds?x=1",
    );
    expect(safeAuthRedirect("/seeds", "https://app.test")).toBe("https://app.test/seeds");
    expect(safeAuthRedirect("https://evil.test/", "https://app.test")).toBe("https://app.test/");
    expect(safeAuthRedirect("https://app.test.evil.test/", "https://app.test")).toBe("https://app.test/");
    expect(safeAuthRedirect("/\t/evil.test", "https://app.test")).toBe("https://app.test/");
  });
});
