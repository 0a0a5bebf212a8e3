"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type TSaveState = "idle" | "saving" | "saved" | "failed";

const DEBOUNCE_MS = 1000;

/**
 * Saves the answer being written on the server a second after the last change, and once more when
 * the page is hidden (reload, tab closed) so nothing typed in the last second is lost. The server
 * keeps the draft on the assignment and hands it back with the next claim. `save` is given the
 * assignment; `key` changes when the answer does (the first key of an assignment is what the
 * server sent, so it is not saved back).
 */
export function useDraftAutosave(assignmentId: string | null, save: (assignmentId: string, keepalive: boolean) => Promise<Response>, changeKey: string) {
  // Tagged with its assignment, so a new assignment shows no stale "saved".
  const [saved, setSaved] = useState<{ id: string | null; state: TSaveState }>({ id: null, state: "idle" });
  const dirty = useRef(false);
  const lastKey = useRef(changeKey);
  const saveRef = useRef(save);
  const idRef = useRef(assignmentId);
  useEffect(() => {
    saveRef.current = save;
    idRef.current = assignmentId;
  });

  const flush = useCallback(async (keepalive = false) => {
    const target = idRef.current;
    if (!target || !dirty.current) return;
    dirty.current = false;
    setSaved({ id: target, state: "saving" });
    try {
      const res = await saveRef.current(target, keepalive);
      setSaved({ id: target, state: res.ok ? "saved" : "failed" });
    } catch {
      setSaved({ id: target, state: "failed" });
    }
  }, []);

  // A new assignment starts clean: what it holds came from the server.
  useEffect(() => {
    dirty.current = false;
    lastKey.current = "";
  }, [assignmentId]);

  useEffect(() => {
    if (!assignmentId) return;
    if (lastKey.current === "") {
      lastKey.current = changeKey;
      return;
    }
    if (changeKey === lastKey.current) return;
    lastKey.current = changeKey;
    dirty.current = true;
    const t = setTimeout(() => void flush(), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [assignmentId, changeKey, flush]);

  useEffect(() => {
    const onHide = () => void flush(true);
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [flush]);

  /** Drops unsaved changes (after a submit or skip, the draft no longer matters). */
  const discard = useCallback(() => {
    dirty.current = false;
  }, []);

  return { state: saved.id === assignmentId ? saved.state : "idle", discard };
}
