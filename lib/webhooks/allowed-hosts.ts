// The operator's allowlist of webhook destinations (WEBHOOK_ALLOWED_HOSTS: comma-separated
// host[:port]). A host alone allows only its scheme's default port (80 for http, 443 for https), so
// allowing a pipeline's web server does not open every other service on that machine; `host:*`
// allows any port. Names match exactly (no wildcards): the list is what the operator wrote.
// Entries and URLs' hosts are both put in the URL parser's canonical form before they are compared,
// so "[2001:DB8::0001]" or a bare "2001:db8:0:0::1" matches https://[2001:db8::1]/ (the parser
// writes an IPv6 address compressed and lower-cased, RFC 5952), as "HOOKS.example.org." matches
// hooks.example.org.

export type TAllowedHost = { host: string; port: number | "*" | null };

/**
 * A host as the WHATWG URL parser writes it (IPv6 in brackets, compressed, lower case; IPv4 in
 * dotted decimal; names lower case, IDNs in punycode), without a trailing dot; null if the parser
 * refuses it. The same parser reads the webhook URLs, so both sides of a comparison agree.
 */
export function canonicalHost(h: string): string | null {
  const bare = h.replace(/^\[|\]$/g, "");
  const literal = bare.includes(":") ? `[${bare}]` : bare;
  try {
    const host = new URL(`http://${literal}/`).hostname;
    return host ? host.replace(/\.$/, "") : null;
  } catch {
    return null;
  }
}

/**
 * Parses the variable; throws with the bad entry (lib/env.ts turns that into a start-up refusal):
 * an entry that cannot be read is never silently dropped or kept as written (fail closed).
 */
export function parseAllowedHosts(raw: string | undefined): TAllowedHost[] {
  const out: TAllowedHost[] = [];
  for (const entry of (raw ?? "").split(",").map((s) => s.trim())) {
    if (!entry) continue;
    // A bare IPv6 address (two colons or more, no brackets) has no port: "[addr]:port" gives one.
    const m =
      /^[0-9a-f:.]+$/i.test(entry) && (entry.match(/:/g)?.length ?? 0) >= 2
        ? [entry, entry, undefined]
        : /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/i.exec(entry);
    const port = m?.[2] === "*" ? "*" : m?.[2] ? Number(m[2]) : null;
    if (!m || (typeof port === "number" && (port < 1 || port > 65535)))
      throw new Error(`"${entry}" is not host or host:port ([IPv6]:port, or a bare IPv6 address)`);
    const host = canonicalHost(m[1]!);
    if (!host) throw new Error(`"${entry}": "${m[1]}" is not a valid host name or IP address`);
    // The parser reads 010.0.0.5 as octal (8.0.0.5) and 0x7f.1 as 127.0.0.1: an operator who wrote
    // one meant something else, so it is refused rather than allowing an address nobody named.
    if (
      /^[0-9a-fx.]+$/i.test(m[1]!) &&
      !/[g-wyz]/i.test(m[1]!) &&
      /^[\d.]+$/.test(host) &&
      host !== m[1]!.replace(/\.$/, "")
    )
      throw new Error(`"${entry}": write the IPv4 address as four decimal numbers (it reads as ${host})`);
    out.push({ host, port });
  }
  return out;
}

export function describeAllowedHosts(list: TAllowedHost[]): string[] {
  return list.map((h) => (h.port === null ? h.host : `${h.host}:${h.port}`));
}

export type TDestinationCheck =
  { ok: true; url: URL; host: string; port: number } | { ok: false; reason: string };

/** Whether a URL may be called at all: http(s), no credentials in it, and its host and port allowed. */
export function checkDestination(raw: string, allowed: TAllowedHost[]): TDestinationCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "Not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, reason: "Only http and https URLs" };
  if (url.username || url.password) return { ok: false, reason: "No credentials in the URL" };
  const host = canonicalHost(url.hostname);
  if (!host) return { ok: false, reason: "Not a valid URL" };
  const defaultPort = url.protocol === "https:" ? 443 : 80;
  const port = url.port ? Number(url.port) : defaultPort;
  const hit = allowed.some(
    (a) => a.host === host && (a.port === "*" || (a.port === null ? port === defaultPort : a.port === port)),
  );
  if (!hit)
    return {
      ok: false,
      reason: allowed.length
        ? `${host}:${port} is not in the allowed hosts (${describeAllowedHosts(allowed).join(", ")})`
        : "No webhook destinations are allowed: the operator sets WEBHOOK_ALLOWED_HOSTS",
    };
  return { ok: true, url, host, port };
}

/**
 * Addresses never called even when a name on the list resolves to them, unless the list names the
 * address itself: link-local (cloud metadata at 169.254.169.254), unspecified and multicast. This
 * is the re-check at delivery: DNS may have changed since the endpoint was registered.
 */
export function isForbiddenAddress(address: string): boolean {
  const a = address.toLowerCase();
  if (!a.includes(":")) {
    const [o1, o2] = a.split(".").map(Number);
    return o1 === 0 || (o1 === 169 && o2 === 254) || (o1! >= 224 && o1! <= 239) || a === "255.255.255.255";
  }
  const h = ipv6Hextets(a);
  if (!h) return true; // not an address we can read: not one to call
  const [h0 = 0, h1 = 0] = h;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => h.slice(from, to).every((x) => x === 0);
  // IPv4 inside IPv6: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and
  // 6to4 (2002:aabb:ccdd::/16) all reach the IPv4 address they carry, so it is checked instead.
  if (zeros(0, 5) && h[5] === 0xffff) return isForbiddenAddress(v4(h[6]!, h[7]!));
  if (zeros(0, 6) && (h[6] !== 0 || h[7]! > 1)) return isForbiddenAddress(v4(h[6]!, h[7]!));
  if (h0 === 0x64 && h1 === 0xff9b && zeros(2, 6)) return isForbiddenAddress(v4(h[6]!, h[7]!));
  if (h0 === 0x2002) return isForbiddenAddress(v4(h1, h[2]!));
  return (
    h.every((x) => x === 0) || // ::
    (h0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (h0 & 0xff00) === 0xff00 || // multicast
    // The cloud metadata service's IPv6 address (AWS: fd00:ec2::254), the fc00::/7 twin of 169.254.169.254.
    (h0 === 0xfd00 && h1 === 0x0ec2)
  );
}

/** The eight 16-bit groups of an IPv6 address (with an embedded IPv4 tail), null if unreadable. */
function ipv6Hextets(address: string): number[] | null {
  let text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [b1, b2, b3, b4] = tail.slice(1).map(Number) as [number, number, number, number];
    if ([b1, b2, b3, b4].some((b) => b > 255)) return null;
    text = `${text.slice(0, tail.index)}${((b1 << 8) | b2).toString(16)}:${((b3 << 8) | b4).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const part = (p: string | undefined) => (p ? p.split(":") : []);
  const head = part(halves[0]);
  const rest = part(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => parseInt(g, 16));
}

/** A short, printable excerpt of a receiver's answer for the delivery log. */
export function sanitiseSnippet(text: string, max = 200): string | null {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  if (!clean) return null;
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
