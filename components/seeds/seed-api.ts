/** Browser-side calls to /api/v1/seeds: the JSON body (or problem) with the HTTP status. */
export type TApiResult = { status: number; body: Record<string, unknown> };

export async function seedApi(method: "GET" | "POST" | "PUT", path: string, body?: unknown): Promise<TApiResult> {
  const res = await fetch(path, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await res.json()) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return { status: res.status, body: parsed };
}

export function fieldErrorsOf(body: Record<string, unknown>): Record<string, string[]> {
  const e = body.errors;
  return e && typeof e === "object" ? (e as Record<string, string[]>) : {};
}

export function textOf(v: unknown, fallback: string): string {
  return typeof v === "string" ? v : fallback;
}
