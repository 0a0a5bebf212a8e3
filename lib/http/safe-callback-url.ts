// Parsed as a URL, not matched as a string: browsers drop tabs and newlines and read "\" as "/",
// so "/\t/evil.test" passes a prefix check and is followed to //evil.test.
const BASE = "http://clinreview.invalid";

/** ASCII control characters (tab, CR, LF…): a callback carrying one is refused, never repaired. */
export function hasControlCharacters(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

/** Only same-origin paths: an attacker-supplied callbackUrl must not redirect off the app. */
export function safeCallbackUrl(value: string | undefined): string {
  if (!value || !value.startsWith("/") || hasControlCharacters(value)) return "/";
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("//") ? "/" : path;
}

/** next-auth's redirect callback: absolute URLs of this app and same-origin paths only. */
export function safeAuthRedirect(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/$/, "");
  const path = url.startsWith(`${base}/`) ? url.slice(base.length) : url;
  return `${base}${safeCallbackUrl(path)}`;
}
