/** No request body of the API nests deeper than this; dataset metadata stops at 32. */
export const MAX_JSON_DEPTH = 64;

/**
 * Why a parsed JSON body cannot be taken as it is, or null: nested deeper than `maxDepth` (even in
 * a member the schema would drop: a jsonb column or a recursive walk would fail on it later), or
 * holding a number JSON.parse could not represent (1e400 becomes Infinity, which JSON.stringify
 * stores as null). Iterative: a body may nest 100,000 deep.
 */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): "too-deep" | "huge-number" | null {
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (typeof v === "number") {
      if (!Number.isFinite(v)) return "huge-number";
    } else if (v && typeof v === "object") {
      if (depth >= maxDepth) return "too-deep";
      for (const child of Object.values(v)) stack.push({ v: child, depth: depth + 1 });
    }
  }
  return null;
}
