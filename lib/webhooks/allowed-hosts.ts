// The operator's allowlist of webhook destinations (WEBHOOK_ALLOWED_HOSTS: comma-separated
// host[:port]). A host alone allows only its scheme's default port (80 for http, 443 for https), so
// allowing a pipeline's web server does not open every other service on that machine; `host:*`
// allows any port. Names match exactly (no wildcards): the list is what the operator wrote.

export type TAllowedHost = { host: string; port: number | "*" | null };

function normaliseHost(h: string): string {
  return h.toLowerCase().replace(/\.$/, "");
}

/** Parses the variable; throws with the bad entry (lib/env.ts turns that into a start-up refusal). */
export function parseAllowedHosts(raw: string | undefined): TAllowedHost[] {
  const out: TAllowedHost[] = [];
  for (const entry of (raw ?? "").split(",").map((s) => s.trim())) {
    if (!entry) continue;
    const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}|\*))?$/i.exec(entry);
    const port = m?.[2] === "*" ? "*" : m?.[2] ? Number(m[2]) : null;
    if (!m || (typeof port === "number" && (port < 1 || port > 65535)))
      throw new Error(`"${entry}" is not host or host:port`);
    out.push({ host: normaliseHost(m[1]!), port });
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
  const host = normaliseHost(url.hostname);
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
  if (a.includes(":")) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
    if (mapped) return isForbiddenAddress(mapped[1]!);
    return (
      a === "::" ||
      a.startsWith("fe8") ||
      a.startsWith("fe9") ||
      a.startsWith("fea") ||
      a.startsWith("feb") ||
      a.startsWith("ff")
    );
  }
  const [o1, o2] = a.split(".").map(Number);
  return o1 === 0 || (o1 === 169 && o2 === 254) || (o1! >= 224 && o1! <= 239) || a === "255.255.255.255";
}

/** A short, printable excerpt of a receiver's answer for the delivery log. */
export function sanitiseSnippet(text: string, max = 200): string | null {
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").trim();
  if (!clean) return null;
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
