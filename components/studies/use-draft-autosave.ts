"use client";

import { useCallback, useEffect, useRef, useState } from "react";

type TDraft = { choices: Record<string, string>; rationale: string; elapsedMs: number };
export type TSaveState = "idle" | "saving" | "saved" | "failed";

const DEBOUNCE_MS = 1000;

/**
 * Saves the rating form on the server a second after the last change, and once more when the page
 * is hidden (reload, tab closed) so nothing typed in the last second is lost. Like the audit
 * review screen, the server keeps the draft on the assignment and hands it back on reload.
 */
export function useDraftAutosave(url: string | null, draft: () => TDraft, changeKey: string) {
  // Tagged with its assignment's url, so a new assignment shows no stale "saved".
  const [saved, setSaved] = useState<{ url: string | null; state: TSaveState }>({ url: null, state: "idle" });
  const dirty = useRef(false);
  const lastKey = useRef(changeKey);
  const draftRef = useRef(draft);
  const urlRef = useRef(url);
  useEffect(() => {
    draftRef.current = draft;
    urlRef.current = url;
  });

  const flush = useCallback(async (keepalive = false) => {
    const target = urlRef.current;
    if (!target || !dirty.current) return;
    dirty.current = false;
    setSaved({ url: target, state: "saving" });
    try {
      const res = await fetch(target, { method: "PUT", keepalive, headers: { "content-type": "application/json" }, body: JSON.stringify(draftRef.current()) });
      setSaved({ url: target, state: res.ok ? "saved" : "failed" });
    } catch {
      setSaved({ url: target, state: "failed" });
    }
  }, []);

  // A new assignment starts clean: what it holds came from the server.
  useEffect(() => {
    dirty.current = false;
    lastKey.current = "";
  }, [url]);

  useEffect(() => {
    if (!url) return;
    if (lastKey.current === "") {
      lastKey.current = changeKey;
      return;
    }
    if (changeKey === lastKey.current) return;
    lastKey.current = changeKey;
    dirty.current = true;
    const t = setTimeout(() => void flush(), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [url, changeKey, flush]);

  useEffect(() => {
    const onHide = () => void flush(true);
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [flush]);

  /** Drops unsaved changes (after a submit or skip, the draft no longer matters). */
  const discard = useCallback(() => {
    dirty.current = false;
  }, []);

  return { state: saved.url === url ? saved.state : "idle", discard };
}
