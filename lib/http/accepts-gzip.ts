/**
 * Whether an Accept-Encoding header takes gzip: named (or `*`) without `q=0`. A header naming gzip
 * with q=0 refuses it even when `*` is accepted (RFC 9110 §12.5.3).
 */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let star = false;
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name.trim() === "gzip" || name.trim() === "x-gzip") return accepted;
    if (name.trim() === "*") star = accepted;
  }
  return star;
}
