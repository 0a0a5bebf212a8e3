"use client";

import { useEffect, useRef, useState } from "react";
import { createAutosaver, type TAutosaveState } from "./autosaver";

export type { TAutosaveState } from "./autosaver";

export type TUseAutosaveOptions<S> = {
  /** Saves a snapshot; true when the server has it. Read at save time, so it may close over fresh state. */
  save: (snapshot: S, keepalive: boolean) => Promise<boolean>;
  delayMs: number;
  /**
   * What is being edited (an assignment, a seed). A new scope starts clean: what it holds came
   * from the server, and its "saved" state is not the previous one's.
   */
  scope?: string | null;
  /** Also saves (keepalive) when the page is hidden, so the last second typed is not lost. */
  flushOnHide?: boolean;
};

/**
 * The one autosave of the client (seed editor, review and rating screens): call `changed` with
 * what would be saved whenever the user edits; `hold` wraps an explicit save so no autosave runs
 * beside it. Scheduling lives in `autosaver.ts`.
 */
export function useAutosave<S>({ save, delayMs, scope = null, flushOnHide = false }: TUseAutosaveOptions<S>) {
  const [state, setState] = useState<{ scope: string | null; state: TAutosaveState }>({
    scope,
    state: "idle",
  });
  // Created once; its callbacks follow the latest render, so a save sends what is on screen now.
  const [saver] = useState(() => createAutosaver<S>({ delayMs, save: () => Promise.resolve(false) }));
  useEffect(() => {
    saver.configure({
      // The state is tagged with the scope the save was for, so a late answer does not mark the next one saved.
      save: async (snapshot, keepalive) => {
        const at = scope;
        setState({ scope: at, state: "saving" });
        const ok = await save(snapshot, keepalive).catch(() => false);
        setState({ scope: at, state: ok ? "saved" : "failed" });
        return ok;
      },
    });
  });
  useEffect(() => () => saver.dispose(), [saver]);

  useEffect(() => {
    saver.discard();
  }, [scope, saver]);

  useEffect(() => {
    if (!flushOnHide) return;
    const onHide = () => void saver.flush(true);
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [flushOnHide, saver]);

  return { ...saver, state: state.scope === scope ? state.state : ("idle" as const) };
}

/**
 * Calls `onChange` when `key` changes within one scope; the first key of a scope is what the
 * server sent, so it is not a change. For screens whose answer is summed up by a key.
 */
export function useChangeKey(scope: string | null, key: string, onChange: () => void) {
  const last = useRef<{ scope: string | null; key: string } | null>(null);
  const cb = useRef(onChange);
  useEffect(() => {
    cb.current = onChange;
  });
  useEffect(() => {
    const prev = last.current;
    last.current = { scope, key };
    if (!scope || !prev || prev.scope !== scope || prev.key === key) return;
    cb.current();
  }, [scope, key]);
}
