import { NETWORK_MESSAGE, problemSummary, readProblem, type TFieldErrors } from "@/components/data/api-fetch";

/**
 * The study admin forms' call to our own API, as a result instead of a throw: the refusal is read
 * by the one problem+json reader (components/data/api-fetch.ts), so its sentence and field errors
 * are the same as everywhere. New code uses `apiFetch` with TanStack Query instead.
 */
export async function apiFetch<T>(
  url: string,
  init: RequestInit = {},
): Promise<{ ok: true; data: T } | { ok: false; error: string; fields?: TFieldErrors }> {
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = null;
    }
    if (!res.ok) {
      const e = readProblem(res.status, body);
      return {
        ok: false,
        error: problemSummary(e),
        ...(Object.keys(e.fieldErrors).length ? { fields: e.fieldErrors } : {}),
      };
    }
    return { ok: true, data: body as T };
  } catch {
    return { ok: false, error: NETWORK_MESSAGE };
  }
}

/** A text field of a form (files and missing fields read as ""). */
export function field(f: FormData, name: string): string {
  const v = f.get(name);
  return typeof v === "string" ? v : "";
}
