// Paths go to the logs; some carry secrets (/invite/<token>, /reset-password/<token>). Any long
// token-like segment is replaced, so a new secret-bearing route is covered without a list.
const TOKEN_LIKE = /^[A-Za-z0-9_~.%-]{20,}$/;
// Record ids are not secrets, and the logs need them to follow a request.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function redactPath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (TOKEN_LIKE.test(segment) && !UUID.test(segment) ? ":redacted" : segment))
    .join("/");
}
