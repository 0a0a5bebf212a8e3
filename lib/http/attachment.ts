/** A file download: named, never cached (exports hold clinical text and must not linger in caches). */
export function attachment(
  body: BodyInit,
  contentType: string,
  filename: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
      ...headers,
    },
  });
}
