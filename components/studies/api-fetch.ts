/** Browser-side call to our own API; returns the problem detail as an error message, and its field errors for forms. */
export async function apiFetch<T>(
  url: string,
  init: RequestInit = {},
): Promise<{ ok: true; data: T } | { ok: false; error: string; fields?: Record<string, string[]> }> {
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    const body = text ? (JSON.parse(text) as unknown) : null;
    if (!res.ok) {
      const p = body as { detail?: string; errors?: Record<string, string[]> } | null;
      const fields = p?.errors ? Object.entries(p.errors).map(([k, v]) => `${k}: ${v.join(", ")}`).join("; ") : "";
      return { ok: false, error: [p?.detail ?? `Request failed (${res.status})`, fields].filter(Boolean).join(" — "), ...(p?.errors ? { fields: p.errors } : {}) };
    }
    return { ok: true, data: body as T };
  } catch {
    return { ok: false, error: "The network failed. Try again." };
  }
}

/** A text field of a form (files and missing fields read as ""). */
export function field(f: FormData, name: string): string {
  const v = f.get(name);
  return typeof v === "string" ? v : "";
}
