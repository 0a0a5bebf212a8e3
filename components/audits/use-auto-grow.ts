"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * A textarea as tall as its text. Browsers with `field-sizing: content` (the class the caller
 * sets) grow it themselves; elsewhere its height follows its scroll height (set through the
 * CSSOM, which the CSP allows, unlike a style attribute).
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, value: string, active: boolean) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active || CSS.supports("field-sizing", "content")) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [ref, value, active]);
}
