/**
 * The work screens' keyboard map, as pure data and one resolver, so both screens answer keys by
 * the same rules and the help overlay lists exactly what the resolver does.
 */

/** Where the key was pressed: typing in a text box, on a button or link, on a radio/checkbox, elsewhere. */
export type TKeyTarget = "text" | "button" | "choice" | "other";

export type TKeyBinding = {
  /** `KeyboardEvent.key` values; single letters match either case. */
  keys: string[];
  action: string;
  /** Shown in the help overlay, e.g. "Accept". */
  label: string;
  /** Arrow-like keys that a focused radio group uses itself. */
  notOnChoice?: boolean;
};

/** Every screen has these: the shell answers them. */
export const SHELL_BINDINGS: TKeyBinding[] = [
  { keys: ["Enter"], action: "submit", label: "Submit (Ctrl+Enter from a text box)" },
  { keys: ["s"], action: "skip", label: "Skip this item" },
  { keys: ["?"], action: "help", label: "Show or hide these shortcuts" },
];

export type TKeyPress = { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean };
export type TResolved = { action: string; key: string } | { action: "blur"; key: string } | null;

const norm = (k: string) => (k.length === 1 ? k.toLowerCase() : k);

export function resolveKey(
  bindings: readonly TKeyBinding[],
  press: TKeyPress,
  target: TKeyTarget,
): TResolved {
  if (press.altKey) return null;
  if (target === "text") {
    // Typing must never trigger a shortcut; Esc leaves the box, Ctrl/⌘+Enter submits from it.
    if (press.key === "Escape") return { action: "blur", key: press.key };
    if (press.key === "Enter" && (press.ctrlKey || press.metaKey))
      return { action: "submit", key: press.key };
    return null;
  }
  if (press.ctrlKey || press.metaKey) return null;
  // A focused button or link answers Enter itself (Skip must skip, a verdict button must choose).
  if (press.key === "Enter" && target === "button") return null;
  const key = norm(press.key);
  for (const b of bindings) {
    if (!b.keys.some((k) => norm(k) === key)) continue;
    if (b.notOnChoice && target === "choice") return null;
    return { action: b.action, key: press.key };
  }
  return null;
}

/** How a key is written in the help overlay. */
export function keyLabel(keys: readonly string[]): string {
  const names: Record<string, string> = { ArrowUp: "↑", ArrowDown: "↓", Escape: "Esc", " ": "Space" };
  if (keys.length > 3 && keys.every((k) => /^[0-9]$/.test(k))) return `${keys[0]}–${keys[keys.length - 1]}`;
  return keys.map((k) => names[k] ?? (k.length === 1 ? k.toUpperCase() : k)).join(" / ");
}
