/**
 * The scheduling of every autosave, without React: a save a while after the last change, one at a
 * time (a change made while one runs is saved after it, never beside it), none while an explicit
 * save holds it, and nothing once the server has everything. `use-autosave.ts` binds it to a
 * component; this file stays pure so the timing is unit-tested.
 */
export type TAutosaveState = "idle" | "saving" | "saved" | "failed";

export type TAutosaverOptions<S> = {
  delayMs: number;
  /** Saves a snapshot; true when the server has it. */
  save: (snapshot: S, keepalive: boolean) => Promise<boolean>;
  onState?: (state: TAutosaveState) => void;
};
type TCallbacks<S> = Pick<TAutosaverOptions<S>, "save" | "onState">;

export type TAutosaver<S> = {
  /** The user changed something; `snapshot` is what would be saved now. */
  changed: (snapshot: S) => void;
  /** Saves now if anything is unsaved (after the save in flight, if any). */
  flush: (keepalive?: boolean) => Promise<void>;
  /** Forgets unsaved changes (the text was saved another way, or no longer matters). */
  discard: () => void;
  /** Resolves when no autosave is in flight. */
  settled: () => Promise<void>;
  /** Runs `fn` (an explicit save) with autosaves held back, after the one in flight has landed. */
  hold: <T>(fn: (seq: number) => Promise<T>) => Promise<T>;
  /** Marks every change up to `seq` as on the server (an explicit save sent them). */
  markSynced: (seq: number) => void;
  pending: () => boolean;
  dispose: () => void;
  /** Replaces the callbacks (a component's, which close over its latest render). */
  configure: (callbacks: TCallbacks<S>) => void;
};

export function createAutosaver<S>(options: TAutosaverOptions<S>): TAutosaver<S> {
  const opts = { ...options };
  let seq = 0;
  let synced = 0;
  let latest: { s: S } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Every save runs on this chain, so two never overlap, whoever asked.
  let chain: Promise<void> = Promise.resolve();
  let holds = 0;

  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clear();
    if (holds === 0 && seq > synced) timer = setTimeout(() => void flush(), opts.delayMs);
  };
  const settled = () => chain;

  // The text as it is when the save starts (after the one before it), not when it was asked for.
  async function saveOnce(keepalive: boolean): Promise<void> {
    if (holds > 0 || seq <= synced || !latest) return;
    const sent = latest.s;
    const upTo = seq;
    opts.onState?.("saving");
    try {
      const ok = await opts.save(sent, keepalive);
      if (ok) synced = Math.max(synced, upTo);
      opts.onState?.(ok ? "saved" : "failed");
    } catch {
      opts.onState?.("failed");
    }
  }

  function flush(keepalive = false): Promise<void> {
    clear();
    chain = chain.then(() => saveOnce(keepalive));
    return chain;
  }

  return {
    changed(snapshot) {
      latest = { s: snapshot };
      seq += 1;
      schedule();
    },
    flush,
    discard() {
      clear();
      synced = seq;
    },
    settled,
    async hold(fn) {
      holds += 1;
      clear();
      try {
        await settled();
        return await fn(seq);
      } finally {
        holds -= 1;
        // Changes typed while the save ran are still owed to the server.
        schedule();
      }
    },
    markSynced(upTo) {
      synced = Math.max(synced, upTo);
      if (seq <= synced) clear();
    },
    pending: () => seq > synced,
    dispose: clear,
    configure(callbacks) {
      opts.save = callbacks.save;
      opts.onState = callbacks.onState;
    },
  };
}
