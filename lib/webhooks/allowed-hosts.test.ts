import { describe, expect, it } from "vitest";
import { checkDestination, isForbiddenAddress, parseAllowedHosts, sanitiseSnippet } from "./allowed-hosts";

describe("the webhook allowlist", () => {
  it("parses host, host:port and host:* entries, lower-cased, ignoring blanks", () => {
    expect(parseAllowedHosts(" Hooks.Example.org , 10.0.0.5:8443,,ci.internal:*,[::1]:9000 ")).toEqual([
      { host: "hooks.example.org", port: null },
      { host: "10.0.0.5", port: 8443 },
      { host: "ci.internal", port: "*" },
      { host: "[::1]", port: 9000 },
    ]);
    expect(parseAllowedHosts(undefined)).toEqual([]);
    expect(() => parseAllowedHosts("https://hooks.example.org")).toThrow(/host or host:port/);
    expect(() => parseAllowedHosts("a.example:70000")).toThrow();
  });

  it("writes IPv6 entries canonically, so a non-canonical entry matches the URL's host (issue 11)", () => {
    const list = parseAllowedHosts(
      "[2001:DB8::0001],2001:db8:0:0::2,[2001:db8:0:0:0:0:0:3]:8443,[FE80::AB]:*",
    );
    expect(list).toEqual([
      { host: "[2001:db8::1]", port: null },
      { host: "[2001:db8::2]", port: null },
      { host: "[2001:db8::3]", port: 8443 },
      { host: "[fe80::ab]", port: "*" },
    ]);
    expect(checkDestination("https://[2001:db8::1]/in", list).ok).toBe(true);
    expect(checkDestination("https://[2001:0DB8:0::0001]/in", list).ok).toBe(true);
    expect(checkDestination("http://[2001:db8::2]/", list).ok).toBe(true);
    expect(checkDestination("https://[2001:db8::3]:8443/", list).ok).toBe(true);
    expect(checkDestination("https://[2001:db8::3]/", list).ok).toBe(false);
    expect(checkDestination("https://[2001:db8::4]/", list).ok).toBe(false);
    expect(checkDestination("https://[::ffff:2001:db8]/", list).ok).toBe(false);
  });

  it("refuses an entry it cannot read, with the entry in the message (fail closed at start-up)", () => {
    for (const bad of [
      "1::2::3",
      "[zz::1]",
      "[2001:db8::1",
      "2001:db8::1:8443:99999:1:1:1:1",
      "010.0.0.5",
      "0x7f.1",
    ])
      expect(() => parseAllowedHosts(`hooks.example.org,${bad}`), bad).toThrow(bad);
  });

  it("allows a listed host on its scheme's default port only, unless a port or * is listed", () => {
    const list = parseAllowedHosts("hooks.example.org,10.0.0.5:8443,ci.internal:*");
    expect(checkDestination("https://hooks.example.org/in", list).ok).toBe(true);
    expect(checkDestination("http://HOOKS.example.org./in", list).ok).toBe(true);
    expect(checkDestination("https://hooks.example.org:8443/in", list).ok).toBe(false);
    expect(checkDestination("https://10.0.0.5:8443/", list).ok).toBe(true);
    expect(checkDestination("https://10.0.0.5/", list).ok).toBe(false);
    expect(checkDestination("http://ci.internal:1234/", list).ok).toBe(true);
  });

  it("refuses other hosts, look-alikes, other schemes and credentials in the URL", () => {
    const list = parseAllowedHosts("hooks.example.org");
    for (const url of [
      "https://evil.example/",
      "https://hooks.example.org.evil.example/",
      "https://sub.hooks.example.org/",
      "ftp://hooks.example.org/",
      "https://user:pw@hooks.example.org/",
      "not a url",
    ])
      expect(checkDestination(url, list).ok).toBe(false);
    const none = checkDestination("https://hooks.example.org/", []);
    expect(none.ok ? "" : none.reason).toContain("WEBHOOK_ALLOWED_HOSTS");
  });

  it("never lets a name resolve to link-local, unspecified or multicast addresses", () => {
    for (const a of ["169.254.169.254", "0.0.0.0", "224.0.0.1", "::", "fe80::1", "::ffff:169.254.169.254"])
      expect(isForbiddenAddress(a)).toBe(true);
    // IPv4 carried inside IPv6 is the IPv4 address: mapped, compatible, NAT64, 6to4; and the
    // metadata service's IPv6 address.
    for (const a of [
      "::ffff:169.254.169.254",
      "::ffff:a9fe:a9fe",
      "::a9fe:a9fe",
      "64:ff9b::169.254.169.254",
      "64:ff9b::a9fe:a9fe",
      "2002:a9fe:a9fe::1",
      "fd00:ec2::254",
      "FE80::1%eth0",
      "not:an:address::x",
    ])
      expect(isForbiddenAddress(a), a).toBe(true);
    for (const a of [
      "10.0.0.5",
      "127.0.0.1",
      "192.168.1.1",
      "::1",
      "2001:db8::1",
      "64:ff9b::a14:7",
      "fd12::1",
    ])
      expect(isForbiddenAddress(a)).toBe(false);
  });

  it("keeps a short printable snippet of a receiver's answer", () => {
    expect(sanitiseSnippet("ok\r\n\u0000done")).toBe("ok done");
    expect(sanitiseSnippet("x".repeat(500))).toHaveLength(201);
    expect(sanitiseSnippet(" \n ")).toBeNull();
  });
});
