// PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates; a write carrying one fails
// deep in the driver as a 500. Found up front, it is a 422 that names the field.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = "contains a NUL character or an unpaired surrogate";

/**
 * The path (dotted, array indexes included) of the first string or key PostgreSQL cannot store, or
 * null. Iterative, with its own stack: a body nested thousands deep must not overflow the call stack.
 */
type TNode = { value: unknown; key: string | null; parent: TNode | null };

function pathOf(node: TNode, prefix: string[]): string {
  const keys: string[] = [];
  for (let n: TNode | null = node; n; n = n.parent) if (n.key !== null) keys.push(n.key);
  return [...prefix, ...keys.reverse()].join(".") || "(value)";
}

export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  // Parent links, not copied paths: copying would make a deep body quadratic.
  const stack: TNode[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop() as TNode;
    const v = node.value;
    if (typeof v === "string") {
      if (UNSTORABLE.test(v)) return pathOf(node, path);
    } else if (Array.isArray(v)) {
      // Pushed in reverse so the first offending element, in document order, is found first.
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: node });
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (const [k] of entries) if (UNSTORABLE.test(k)) return pathOf({ value: null, key: k, parent: node }, path);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        stack.push({ value: child, key: k, parent: node });
      }
    }
  }
  return null;
}
