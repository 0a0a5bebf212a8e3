/** No request body of the API nests deeper than this; dataset metadata stops at 32. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON body nests deeper than `maxDepth`, even in a member the schema would drop:
 * a jsonb column or a recursive walk would fail on it later. Iterative: a body may nest 100,000 deep.
 * (Numbers too large to store and unstorable text are found, with their path, by
 * lib/text/storable-text.ts.)
 */
export function nestsTooDeep(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v && typeof v === "object") {
      if (depth >= maxDepth) return true;
      for (const child of Object.values(v)) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return false;
}
