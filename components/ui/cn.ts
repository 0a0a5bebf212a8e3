import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names, letting later Tailwind utilities replace conflicting earlier ones: a caller's
 * `<Button className="px-2 py-1">` must replace the base padding, not sit beside it (with both in
 * the class list, whichever Tailwind emits last wins, not the caller).
 */
export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
