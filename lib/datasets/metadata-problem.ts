/** How deep a record's extra fields may nest: far beyond real metadata, far below the stack. */
export const MAX_METADATA_DEPTH = 32;

/**
 * Why a record's extra fields cannot be stored as they are, or null. Walked with its own stack:
 * a 1 MB line can nest JSON 400,000 deep, which JSON.stringify would meet with a stack overflow
 * (a 500). A number JSON.parse read as Infinity (1e400) would be stored as null: refused instead.
 */
export function metadataProblem(value: unknown): string | null {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length) {
    const item = stack.pop() as { value: unknown; depth: number };
    const v = item.value;
    if (typeof v === "number" && !Number.isFinite(v)) return "holds a number too large to store";
    if (v && typeof v === "object") {
      if (item.depth >= MAX_METADATA_DEPTH) return `nests deeper than ${MAX_METADATA_DEPTH} levels`;
      for (const child of Object.values(v)) stack.push({ value: child, depth: item.depth + 1 });
    }
  }
  return null;
}
