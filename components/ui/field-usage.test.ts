import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { componentSources, REPO_ROOT as ROOT } from "@/tests/support/component-sources";

/**
 * Work screens whose owners still render some controls by hand (keyboard-driven review and rating,
 * the seed editor): the most raw controls each may hold. Shrink a number when you move one of its
 * controls to components/ui/field.tsx; a file that reaches 0 leaves the list.
 */
const ALLOWED: Record<string, number> = {};

/** Raw form controls in a source; hidden inputs carry data, not a field, and are not counted. */
export function rawControls(source: string): number {
  // The tag up to its first ">" (type="hidden" is written before any handler in this codebase).
  return [...source.matchAll(/<(input|select|textarea)\b[^>]*/g)].filter((m) => !/type="hidden"/.test(m[0]))
    .length;
}

describe("every input through the field components", () => {
  it("counts raw controls and leaves hidden inputs out", () => {
    expect(
      rawControls(`<input type="hidden" name="a" /><input\n  type="checkbox" /><select><textarea />`),
    ).toBe(3);
  });

  it("has no raw <input>, <select> or <textarea> outside components/ui and the allow-listed work screens", () => {
    const found: Record<string, number> = {};
    for (const p of componentSources()) {
      if (p.startsWith("components/ui/")) continue;
      const n = rawControls(readFileSync(join(ROOT, p), "utf8"));
      if (n > (ALLOWED[p] ?? 0)) found[p] = n;
    }
    expect(found).toEqual({});
  });
});
