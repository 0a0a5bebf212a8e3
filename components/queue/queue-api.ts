/**
 * Every queue URL the review and rating screens call, in one place: the one protocol of both
 * queues (lib/queue, ARCHITECTURE.md). Nothing else in the clients names a queue URL.
 */
export type TQueueFeature = "audit" | "study";

export type TQueueUrls = {
  next: string;
  draft: (assignmentId: string) => string;
  skip: (assignmentId: string) => string;
  submit: (assignmentId: string) => string;
};

const enc = encodeURIComponent;

export function queueUrls(feature: TQueueFeature, scopeId: string): TQueueUrls {
  const scope = `/api/v1/${feature === "audit" ? "audits" : "studies"}/${enc(scopeId)}`;
  return {
    next: `${scope}/assignments/next`,
    draft: (a) => `/api/v1/assignments/${enc(a)}/draft`,
    skip: (a) => `/api/v1/assignments/${enc(a)}/skip`,
    submit: (a) => `/api/v1/assignments/${enc(a)}/submit`,
  };
}

/** What a claim answered: an item, nothing left, a refusal (with the server's words) or no answer at all. */
export type TClaim<T> =
  | { kind: "item"; item: T }
  | { kind: "empty" }
  | { kind: "refused"; status: number; message: string }
  | { kind: "network" };

/** The problem+json detail of a refusal, or a plain sentence when the body is not one. */
export async function problemText(res: Response): Promise<string> {
  try {
    const p = (await res.json()) as { detail?: string };
    return p.detail ?? `Request failed (${res.status})`;
  } catch {
    return `Request failed (${res.status})`;
  }
}

/**
 * "Nothing left" has two shapes while the protocols differ: 204 (audits, and both after the
 * change) and 200 `{assignmentId: null}` (studies today). Both read as empty.
 */
export function readClaimBody<T extends { assignmentId: string }>(body: unknown): T | null {
  if (!body || typeof body !== "object") return null;
  const id = (body as { assignmentId?: unknown }).assignmentId;
  return typeof id === "string" && id ? (body as T) : null;
}

export async function claimNext<T extends { assignmentId: string }>(urls: TQueueUrls): Promise<TClaim<T>> {
  let res: Response;
  try {
    res = await fetch(urls.next, { method: "POST" });
  } catch {
    return { kind: "network" };
  }
  if (res.status === 204) return { kind: "empty" };
  if (!res.ok) return { kind: "refused", status: res.status, message: await problemText(res) };
  try {
    const item = readClaimBody<T>(await res.json());
    return item ? { kind: "item", item } : { kind: "empty" };
  } catch {
    // A body cut off on the way is a network failure, not an empty queue.
    return { kind: "network" };
  }
}

export function putDraft(urls: TQueueUrls, assignmentId: string, draft: unknown, keepalive = false): Promise<Response> {
  return fetch(urls.draft(assignmentId), { method: "PUT", keepalive, headers: { "content-type": "application/json" }, body: JSON.stringify(draft) });
}

export function postSkip(urls: TQueueUrls, assignmentId: string): Promise<Response> {
  return fetch(urls.skip(assignmentId), { method: "POST" });
}

export function postSubmit(urls: TQueueUrls, assignmentId: string, payload: unknown, idempotencyKey: string): Promise<Response> {
  return fetch(urls.submit(assignmentId), {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": idempotencyKey },
    body: JSON.stringify(payload),
  });
}
