/**
 * Downloads (answers with `Content-Disposition: attachment`) are sent as they are, with
 * `no-transform`, which `next start`'s gzip honours. Its gzip runs at zlib's level 6 in the server
 * process: for the 83 MB curated export that was most of the time over HTTP (3.46 s against
 * 0.8–1.3 s to produce it), on the same core that serves every other request. A route cannot
 * compress faster itself: Next drops a route handler's own Content-Encoding header
 * (next/dist/server/send-response.js), then gzips the already gzipped bytes again. The cost is
 * bytes on the network: downloads go out uncompressed (no-transform asks proxies to leave them too).
 */
export function markNoTransform(res: Response): Response {
  if (!res.headers.get("content-disposition")?.startsWith("attachment")) return res;
  const cc = res.headers.get("cache-control");
  if (!cc) res.headers.set("cache-control", "no-store, no-transform");
  else if (!/\bno-transform\b/i.test(cc)) res.headers.set("cache-control", `${cc}, no-transform`);
  return res;
}
