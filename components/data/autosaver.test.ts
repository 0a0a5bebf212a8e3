import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createAutosaver, type TAutosaveState } from "./autosaver";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(result: () => Promise<boolean> = () => Promise.resolve(true)) {
  const saves: string[] = [];
  const states: TAutosaveState[] = [];
  const a = createAutosaver<string>({
    delayMs: 1000,
    save: (s) => {
      saves.push(s);
      return result();
    },
    onState: (st) => states.push(st),
  });
  return { a, saves, states };
}

describe("createAutosaver", () => {
  it("saves once, the latest text, a delay after the last change", async () => {
    const { a, saves, states } = setup();
    a.changed("a");
    await vi.advanceTimersByTimeAsync(600);
    a.changed("ab");
    await vi.advanceTimersByTimeAsync(600);
    expect(saves).toEqual([]);
    await vi.advanceTimersByTimeAsync(400);
    expect(saves).toEqual(["ab"]);
    expect(states).toEqual(["saving", "saved"]);
    expect(a.pending()).toBe(false);
  });

  it("flush saves now, and not again when nothing changed", async () => {
    const { a, saves } = setup();
    a.changed("x");
    await a.flush(true);
    await a.flush();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual(["x"]);
  });

  it("a failed save leaves the change owed", async () => {
    const { a, states } = setup(() => Promise.resolve(false));
    a.changed("x");
    await a.flush();
    expect(states).toEqual(["saving", "failed"]);
    expect(a.pending()).toBe(true);
  });

  it("never runs two saves at once: a change during a save is saved after it", async () => {
    let release: (ok: boolean) => void = () => undefined;
    const { a, saves } = setup(() => new Promise<boolean>((r) => (release = r)));
    a.changed("one");
    const first = a.flush();
    await vi.advanceTimersByTimeAsync(0);
    a.changed("two");
    const second = a.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toEqual(["one"]);
    release(true);
    await first;
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toEqual(["one", "two"]);
    release(true);
    await second;
  });

  it("hold waits for the autosave in flight and keeps autosaves back until the explicit save ends", async () => {
    let release: (ok: boolean) => void = () => undefined;
    const { a, saves } = setup(() => new Promise<boolean>((r) => (release = r)));
    a.changed("draft");
    void a.flush();
    await vi.advanceTimersByTimeAsync(0);
    const order: string[] = [];
    const held = a.hold(async (seq) => {
      order.push(`save@${seq}`);
      a.changed("typed during save");
      await vi.advanceTimersByTimeAsync(5000);
      a.markSynced(seq);
      return "done";
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(order).toEqual([]);
    release(true);
    await expect(held).resolves.toBe("done");
    expect(order).toEqual(["save@1"]);
    expect(saves).toEqual(["draft"]);
    // What was typed during the save is still owed, and saved after it.
    expect(a.pending()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves).toEqual(["draft", "typed during save"]);
  });

  it("discard drops the pending change", async () => {
    const { a, saves } = setup();
    a.changed("x");
    a.discard();
    await vi.advanceTimersByTimeAsync(2000);
    expect(saves).toEqual([]);
  });
});
