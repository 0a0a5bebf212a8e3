"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { phiRefusalOf, type TPhiRefusal } from "@/components/phi/phi-problem";
import type { ApiError } from "@/components/data/api-fetch";
import { useAutosave, useChangeKey } from "@/components/data/use-autosave";
import {
  claimNext,
  failureOf,
  postSkip,
  postSubmit,
  putDraft,
  queueUrls,
  type TClaim,
  type TQueueFeature,
} from "@/components/queue/queue-api";
import { isTransient, retryDelayMs } from "@/components/queue/recovery";

/** What the shell needs of an item: its assignment and the time already spent on it. Nothing else. */
export type TQueueItem = { assignmentId: string; draft?: { elapsedMs?: number } | null };

type TFailed =
  | { op: "claim" }
  | { op: "skip" }
  | { op: "submit"; payload: Record<string, unknown>; phiConfirmed: boolean };

export type TWorkQueueOptions<T extends TQueueItem> = {
  feature: TQueueFeature;
  scopeId: string;
  /** The first claim, made by the page on the server (so the first screen arrives rendered). */
  initial?: TClaim<T>;
  /** Fills the panels from a freshly claimed item and its draft. */
  onItem: (item: T) => void;
  /** The answer as it stands, saved as the draft (the shell adds `elapsedMs`). */
  draft: () => Record<string, unknown>;
  /** Changes whenever the answer does. */
  draftKey: string;
  messages: { saved?: string; skipped: string };
};

const NETWORK_SUBMIT = "The network failed; your answer is kept here. Retry, or submit again.";
const NETWORK_SKIP = "The network failed; the item was not skipped. Retry.";
const NETWORK_CLAIM = "The network failed while fetching the next item.";

/**
 * The queue side of a work screen: claim-next, draft autosave, skip, submit (with the PHI
 * confirmation), and recovery from a failed request. The same for audits and studies; the
 * screens own only their panels and their payload.
 */
export function useWorkQueue<T extends TQueueItem>(opts: TWorkQueueOptions<T>) {
  const { feature, scopeId } = opts;
  const urls = useMemo(() => queueUrls(feature, scopeId), [feature, scopeId]);
  // The page's claim is shown in the first render; the screen fills its panels from it the same way.
  const [first] = useState(opts.initial);
  const [item, setItem] = useState<T | null>(first?.kind === "item" ? first.item : null);
  const [done, setDone] = useState(first?.kind === "empty");
  const [error, setError] = useState<string | null>(first?.kind === "refused" ? first.message : null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [doneCount, setDoneCount] = useState(0);
  const [failed, setFailed] = useState<TFailed | null>(null);
  const [retryIn, setRetryIn] = useState<number | null>(null);
  const [phiRefusal, setPhiRefusal] = useState<TPhiRefusal | null>(null);
  // The answer Undo reopens: the last one submitted on this screen; null right after an Undo;
  // undefined until this screen submits, when the server's progress says (after a reload too).
  const [lastSubmitted, setLastSubmitted] = useState<string | null | undefined>(undefined);
  // Counts every answer given, skipped or reopened here: the header reads its counts again on each.
  const [changes, setChanges] = useState(0);
  const shownAt = useRef(0);
  const priorMs = useRef(0);
  const idemKey = useRef("");
  const attempt = useRef(0);
  const optsRef = useRef(opts);
  useEffect(() => {
    optsRef.current = opts;
  });

  const elapsedMs = useCallback(
    () => priorMs.current + (shownAt.current ? Date.now() - shownAt.current : 0),
    [],
  );

  // The answer is saved a second after the last change, and on pagehide; the server hands it back with the next claim.
  const assignmentId = item?.assignmentId ?? null;
  const autosave = useAutosave<string>({
    scope: assignmentId,
    delayMs: 1000,
    flushOnHide: true,
    save: (id, keepalive) =>
      putDraft(urls, id, { ...optsRef.current.draft(), elapsedMs: elapsedMs() }, keepalive),
  });
  const { state: draftState, discard, changed } = autosave;
  useChangeKey(assignmentId, opts.draftKey, () => {
    if (assignmentId) changed(assignmentId);
  });

  const startClock = useCallback((it: T) => {
    priorMs.current = it.draft?.elapsedMs ?? 0;
    shownAt.current = Date.now();
    idemKey.current = crypto.randomUUID();
  }, []);

  /** Shows what a claim answered. After a failure nothing stays up: what was there was just submitted or skipped. */
  const apply = useCallback(
    (c: TClaim<T>) => {
      setItem(c.kind === "item" ? c.item : null);
      setPhiRefusal(null);
      if (c.kind === "network" || (c.kind === "refused" && isTransient(c.status))) {
        setFailed({ op: "claim" });
        setError(c.kind === "network" ? NETWORK_CLAIM : c.message);
        return;
      }
      setFailed(null);
      attempt.current = 0;
      if (c.kind === "refused") {
        setError(c.message);
        return;
      }
      setError(null);
      setDone(c.kind === "empty");
      if (c.kind !== "item") return;
      startClock(c.item);
      optsRef.current.onItem(c.item);
    },
    [startClock],
  );

  const claim = useCallback(async () => {
    discard();
    apply(await claimNext<T>(urls));
  }, [apply, discard, urls]);

  // The first item: from the page when it claimed one (its clock starts now), else claimed now.
  useEffect(() => {
    if (first?.kind === "item") {
      startClock(first.item);
      return;
    }
    if (first) return;
    const t = setTimeout(() => void claim(), 0);
    return () => clearTimeout(t);
  }, [first, startClock, claim]);

  // A failed claim is safe to repeat (it resumes the caller's lease): retried by itself, with a growing pause.
  useEffect(() => {
    if (failed?.op !== "claim") return;
    const delay = retryDelayMs(attempt.current);
    if (delay === null) return;
    const shown = setTimeout(() => setRetryIn(Math.ceil(delay / 1000)), 0);
    const t = setTimeout(() => {
      attempt.current += 1;
      setRetryIn(null);
      void claim();
    }, delay);
    return () => {
      clearTimeout(shown);
      clearTimeout(t);
      setRetryIn(null);
    };
  }, [failed, claim]);

  /** After a 409 the item is no one's to answer here any more (lease lost, campaign closed): move on, and say why. */
  const moveOnAfterConflict = useCallback(
    async (err: ApiError) => {
      await claim();
      setError(err.message);
    },
    [claim],
  );

  const submit = useCallback(
    async (payload: Record<string, unknown>, phiConfirmed = false) => {
      if (!item || busy) return;
      setBusy(true);
      setError(null);
      setInfo(null);
      setFailed(null);
      setPhiRefusal(null);
      try {
        const body = { ...payload, durationMs: elapsedMs(), ...(phiConfirmed ? { phiConfirmed: true } : {}) };
        // Same Idempotency-Key on every try of this item: a submit that did reach the server is stored once.
        const failure = await failureOf(postSubmit(urls, item.assignmentId, body, idemKey.current));
        // A 422 stores nothing under the key: confirming sends the same key again.
        const refusal = failure?.status === 422 ? phiRefusalOf(failure.body) : null;
        if (!failure) {
          setDoneCount((n) => n + 1);
          setLastSubmitted(item.assignmentId);
          setChanges((n) => n + 1);
          await claim();
          setInfo(optsRef.current.messages.saved ?? null);
        } else if (failure.isNetwork) {
          setError(NETWORK_SUBMIT);
          setFailed({ op: "submit", payload, phiConfirmed });
        } else if (refusal) setPhiRefusal(refusal);
        else if (failure.status === 409) await moveOnAfterConflict(failure);
        else {
          setError(failure.message);
          if (isTransient(failure.status)) setFailed({ op: "submit", payload, phiConfirmed });
        }
      } finally {
        setBusy(false);
      }
    },
    [item, busy, urls, elapsedMs, claim, moveOnAfterConflict],
  );

  const skip = useCallback(async () => {
    if (!item || busy) return;
    setBusy(true);
    setError(null);
    setInfo(null);
    setFailed(null);
    try {
      const err = await failureOf(postSkip(urls, item.assignmentId));
      if (!err) {
        setChanges((n) => n + 1);
        await claim();
        setInfo(optsRef.current.messages.skipped);
      } else if (err.isNetwork) {
        setError(NETWORK_SKIP);
        setFailed({ op: "skip" });
      } else if (err.status === 409) await moveOnAfterConflict(err);
      else {
        setError(err.message);
        if (isTransient(err.status)) setFailed({ op: "skip" });
      }
    } finally {
      setBusy(false);
    }
  }, [item, busy, urls, claim, moveOnAfterConflict]);

  /** Repeats the request that failed, now. */
  const retry = useCallback(() => {
    if (!failed) return;
    if (failed.op === "claim") {
      attempt.current = 0;
      void claim();
    } else if (failed.op === "skip") void skip();
    else void submit(failed.payload, failed.phiConfirmed);
  }, [failed, claim, skip, submit]);

  /** After the header's Undo reopened the last answer: the claim resumes it, its answer as the draft. */
  const afterReopen = useCallback(async () => {
    setLastSubmitted(null);
    setDoneCount((n) => Math.max(0, n - 1));
    setChanges((n) => n + 1);
    await claim();
    setInfo("Your last answer is open again: change it and submit.");
  }, [claim]);

  return {
    feature,
    scopeId,
    lastSubmitted,
    afterReopen,
    changes,
    item,
    done,
    doneCount,
    error,
    setError,
    info,
    busy,
    canRetry: failed !== null,
    retryIn,
    retry,
    phiRefusal,
    setPhiRefusal,
    draftState,
    elapsedMs,
    submit,
    skip,
  };
}
