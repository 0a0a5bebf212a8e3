"use client";

import { useEffect, useRef } from "react";
import { resolveKey, type TKeyBinding, type TKeyTarget } from "@/components/queue/keyboard-map";

function targetKind(el: EventTarget | null): TKeyTarget {
  if (!(el instanceof HTMLElement)) return "other";
  if (el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable) return "text";
  if (el instanceof HTMLInputElement) {
    if (el.type === "radio" || el.type === "checkbox") return "choice";
    return el.type === "button" || el.type === "submit" ? "button" : "text";
  }
  // A <summary> (the guidelines panel) opens with Enter like a button.
  return el.tagName === "BUTTON" || el.tagName === "A" || el.tagName === "SUMMARY" ? "button" : "other";
}

/** Answers the keyboard map on the whole window while `enabled`; `onAction` gets the resolved action and key. */
export function useKeyboardMap(
  enabled: boolean,
  bindings: readonly TKeyBinding[],
  onAction: (action: string, key: string) => void,
) {
  const latest = useRef({ bindings, onAction });
  useEffect(() => {
    latest.current = { bindings, onAction };
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const hit = resolveKey(latest.current.bindings, e, targetKind(e.target));
      if (!hit) return;
      if (hit.action === "blur") {
        if (e.target instanceof HTMLElement) e.target.blur();
        return;
      }
      e.preventDefault();
      latest.current.onAction(hit.action, hit.key);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
