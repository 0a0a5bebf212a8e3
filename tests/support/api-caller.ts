// Calls route handlers in-process as a user with an API token: the one helper for the API tests,
// so each builds the same Request (bearer token, content type when there is a body, path params).
import type { Role } from "@/lib/generated/prisma/enums";
import { insertApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db/prisma";
import { asCurrent, makeUser } from "./factories";

export type TRouteHandler = {
  handle: (req: Request, ctx?: { params: Promise<Record<string, string>> }) => Promise<Response>;
};

export type TCallInit = {
  method?: string;
  /** A string or bytes are sent as they are; anything else as JSON. */
  body?: unknown;
  /** The body's content type (default application/json). */
  type?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

function bodyOf(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === "string" || body instanceof ReadableStream) return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  return JSON.stringify(body);
}

/** Calls route handlers with this API token, or with no credentials at all (null). */
export function callAs(token: string | null) {
  return (route: TRouteHandler, url: string, init: TCallInit = {}) =>
    route.handle(
      new Request(`http://app.test${url}`, {
        method: init.method ?? "GET",
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(init.body !== undefined ? { "content-type": init.type ?? "application/json" } : {}),
          ...init.headers,
        },
        body: bodyOf(init.body),
        // Node's fetch needs to be told that a stream body is sent as it is read.
        ...(init.body instanceof ReadableStream ? { duplex: "half" } : {}),
      }),
      { params: Promise.resolve(init.params ?? {}) },
    );
}

export async function apiCaller(role: Role) {
  const user = await makeUser(role);
  const { token } = await insertApiToken(db(), user.id, "t", null);
  return { user, current: asCurrent(user), token, call: callAs(token) };
}
