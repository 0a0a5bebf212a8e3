import { describe, expect, it } from "vitest";
import { keyLabel, resolveKey, SHELL_BINDINGS, type TKeyBinding } from "./keyboard-map";

const screen: TKeyBinding[] = [
  { keys: ["a"], action: "accept", label: "Accept" },
  { keys: ["1", "2", "3", "4", "5", "6", "7", "8", "9"], action: "flag", label: "Flag" },
  { keys: ["ArrowDown"], action: "down", label: "Next", notOnChoice: true },
];
const all = [...screen, ...SHELL_BINDINGS];
const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe("resolveKey", () => {
  it("maps a screen key and the shell's keys, letters in either case", () => {
    expect(resolveKey(all, press("a"), "other")).toEqual({ action: "accept", key: "a" });
    expect(resolveKey(all, press("A"), "choice")).toEqual({ action: "accept", key: "A" });
    expect(resolveKey(all, press("7"), "other")).toEqual({ action: "flag", key: "7" });
    expect(resolveKey(all, press("s"), "other")?.action).toBe("skip");
    expect(resolveKey(all, press("?"), "other")?.action).toBe("help");
    expect(resolveKey(all, press("Enter"), "choice")?.action).toBe("submit");
  });

  it("never fires a shortcut while typing; Esc leaves the box and Ctrl/⌘+Enter submits from it", () => {
    expect(resolveKey(all, press("a"), "text")).toBeNull();
    expect(resolveKey(all, press("s"), "text")).toBeNull();
    expect(resolveKey(all, press("Enter"), "text")).toBeNull();
    expect(resolveKey(all, press("Escape"), "text")?.action).toBe("blur");
    expect(resolveKey(all, press("Enter", { ctrlKey: true }), "text")?.action).toBe("submit");
    expect(resolveKey(all, press("Enter", { metaKey: true }), "text")?.action).toBe("submit");
  });

  it("leaves Enter on a focused button to the button, modified keys to the browser, arrows to a radio group", () => {
    expect(resolveKey(all, press("Enter"), "button")).toBeNull();
    expect(resolveKey(all, press("s"), "button")?.action).toBe("skip");
    expect(resolveKey(all, press("a", { ctrlKey: true }), "other")).toBeNull();
    expect(resolveKey(all, press("a", { altKey: true }), "other")).toBeNull();
    expect(resolveKey(all, press("ArrowDown"), "choice")).toBeNull();
    expect(resolveKey(all, press("ArrowDown"), "other")?.action).toBe("down");
    expect(resolveKey(all, press("q"), "other")).toBeNull();
  });

  it("lets a screen's binding win over the shell's for the same key", () => {
    expect(
      resolveKey([{ keys: ["s"], action: "mine", label: "" }, ...SHELL_BINDINGS], press("s"), "other")
        ?.action,
    ).toBe("mine");
  });
});

describe("keyLabel", () => {
  it("writes keys as the help overlay shows them", () => {
    expect(keyLabel(["1", "2", "3", "4", "5", "6", "7", "8", "9"])).toBe("1–9");
    expect(keyLabel(["a"])).toBe("A");
    expect(keyLabel(["ArrowUp"])).toBe("↑");
    expect(keyLabel(["Enter"])).toBe("Enter");
  });
});
