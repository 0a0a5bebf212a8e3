"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * A textarea as tall as its text: its height follows its scroll height on every change (set
 * through the CSSOM, which the CSP allows, unlike a style attribute). `field-sizing: content`
 * alone did not grow it in the Chromium the tests run.
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, value: string, active: boolean) {
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !active) return;
    el.style.height = "auto";
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [ref, value, active]);
}
