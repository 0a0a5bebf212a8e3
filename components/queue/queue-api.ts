/**
 * Every queue URL the review and rating screens call, in one place: the one protocol of both
 * queues (lib/queue, ARCHITECTURE.md). Nothing else in the clients names a queue URL.
 */
import { type ApiError, apiFetch, asApiError } from "@/components/data/api-fetch";

export type TQueueFeature = "audit" | "study";

export type TQueueUrls = {
  next: string;
  draft: (assignmentId: string) => string;
  skip: (assignmentId: string) => string;
  submit: (assignmentId: string) => string;
  reopen: (assignmentId: string) => string;
  progress: string;
};

const enc = encodeURIComponent;

export function queueUrls(feature: TQueueFeature, scopeId: string): TQueueUrls {
  const scope = `/api/v1/${feature === "audit" ? "audits" : "studies"}/${enc(scopeId)}`;
  return {
    next: `${scope}/assignments/next`,
    draft: (a) => `/api/v1/assignments/${enc(a)}/draft`,
    skip: (a) => `/api/v1/assignments/${enc(a)}/skip`,
    submit: (a) => `/api/v1/assignments/${enc(a)}/submit`,
    reopen: (a) => `/api/v1/assignments/${enc(a)}/reopen`,
    progress: `${scope}/progress`,
  };
}

/** What a claim answered: an item, nothing left, a refusal (with the server's words) or no answer at all. */
export type TClaim<T> =
  | { kind: "item"; item: T }
  | { kind: "empty" }
  | { kind: "refused"; status: number; message: string }
  | { kind: "network" };

/**
 * "Nothing left" has two shapes while the protocols differ: 204 (audits, and both after the
 * change) and 200 `{assignmentId: null}` (studies today). Both read as empty.
 */
export function readClaimBody<T extends { assignmentId: string }>(body: unknown): T | null {
  if (!body || typeof body !== "object") return null;
  const id = (body as { assignmentId?: unknown }).assignmentId;
  return typeof id === "string" && id ? (body as T) : null;
}

/** The refusal a call ended in, or null when it succeeded. */
export function failureOf(call: Promise<unknown>): Promise<ApiError | null> {
  return call.then(() => null, asApiError);
}

export async function claimNext<T extends { assignmentId: string }>(urls: TQueueUrls): Promise<TClaim<T>> {
  try {
    const item = readClaimBody<T>(await apiFetch<unknown>(urls.next, { method: "POST" }));
    return item ? { kind: "item", item } : { kind: "empty" };
  } catch (e) {
    // A body cut off on the way is a network failure, not an empty queue.
    const err = asApiError(e);
    return err.isNetwork
      ? { kind: "network" }
      : { kind: "refused", status: err.status, message: err.message };
  }
}

/** Saves the draft; true when the server has it. */
export async function putDraft(
  urls: TQueueUrls,
  assignmentId: string,
  draft: unknown,
  keepalive = false,
): Promise<boolean> {
  try {
    await apiFetch(urls.draft(assignmentId), { method: "PUT", keepalive, body: draft });
    return true;
  } catch {
    return false;
  }
}

export function postSkip(urls: TQueueUrls, assignmentId: string): Promise<unknown> {
  return apiFetch(urls.skip(assignmentId), { method: "POST" });
}

export function postSubmit(
  urls: TQueueUrls,
  assignmentId: string,
  payload: unknown,
  idempotencyKey: string,
): Promise<unknown> {
  return apiFetch(urls.submit(assignmentId), {
    method: "POST",
    body: payload,
    headers: { "idempotency-key": idempotencyKey },
  });
}

/** Undo: reopens a submitted answer; the next claim resumes it with the answer as the draft. */
export function postReopen(url: string, idempotencyKey: string): Promise<unknown> {
  return apiFetch(url, { method: "POST", headers: { "idempotency-key": idempotencyKey } });
}

/** GET …/progress (lib/queue/work-progress.ts). */
export type TWorkProgress = {
  title: string;
  mine: { done: number; total: number };
  queue: { done: number; total: number };
  medianMs: number | null;
  estimateMs: number | null;
  /** The last answer the rules still let the caller reopen (Undo after a reload). */
  undoAssignmentId: string | null;
};

/**
 * The answer Undo reopens: the one this screen last submitted (null right after an Undo), or,
 * before this screen has submitted anything (a reload, a new tab), the server's: its last answer
 * while the rules still allow a reopen.
 */
export function undoTarget(
  lastSubmittedHere: string | null | undefined,
  progress: Pick<TWorkProgress, "undoAssignmentId"> | undefined,
): string | null {
  return lastSubmittedHere === undefined ? (progress?.undoAssignmentId ?? null) : lastSubmittedHere;
}
