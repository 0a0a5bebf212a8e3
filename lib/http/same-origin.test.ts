import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const PUBLIC = "https://clinreview.hospital.test";
const h = (origin: string | null, host: string | null, secFetchSite: string | null = null) => ({
  origin,
  host,
  secFetchSite,
});

describe("isSameOrigin", () => {
  it("accepts the public address, scheme included, and the Host under that scheme", () => {
    expect(isSameOrigin(h("https://clinreview.hospital.test", "10.0.0.5:3000"), PUBLIC)).toBe(true);
    expect(isSameOrigin(h("http://localhost:3000", "localhost:3000"), "http://localhost:3000")).toBe(true);
    expect(isSameOrigin(h("http://127.0.0.1:3000", "127.0.0.1:3000"), "http://localhost:3000")).toBe(true);
  });

  it("refuses another scheme on the same host, another host, and a garbled Origin", () => {
    expect(isSameOrigin(h("http://clinreview.hospital.test", "clinreview.hospital.test"), PUBLIC)).toBe(
      false,
    );
    expect(isSameOrigin(h("https://evil.test", "clinreview.hospital.test"), PUBLIC)).toBe(false);
    expect(isSameOrigin(h("null", "clinreview.hospital.test"), PUBLIC)).toBe(false);
  });

  it("never trusts X-Forwarded-Host: only Host is read (a forged forwarded host is not a parameter)", () => {
    // The attacker's page at evil.test sends Origin https://evil.test and X-Forwarded-Host evil.test.
    expect(isSameOrigin(h("https://evil.test", "clinreview.hospital.test"), PUBLIC)).toBe(false);
  });

  it("without Origin, trusts only Sec-Fetch-Site: same-origin", () => {
    expect(isSameOrigin(h(null, "clinreview.hospital.test", "same-origin"), PUBLIC)).toBe(true);
    expect(isSameOrigin(h(null, "clinreview.hospital.test", "cross-site"), PUBLIC)).toBe(false);
    expect(isSameOrigin(h(null, "clinreview.hospital.test"), PUBLIC)).toBe(false);
  });
});
