// Paths go to the logs; some carry secrets (/invite/<token>, /reset-password/<token>). Any long
// token-like segment is replaced, so a new secret-bearing route is covered without a list.
import { isUuid } from "@/lib/text/is-uuid";

const TOKEN_LIKE = /^[A-Za-z0-9_~.%-]{20,}$/;

/** Record ids are not secrets, and the logs need them to follow a request, so they stay. */
export function redactPath(pathname: string): string {
  return pathname
    .split("/")
    .map((segment) => (TOKEN_LIKE.test(segment) && !isUuid(segment) ? ":redacted" : segment))
    .join("/");
}
