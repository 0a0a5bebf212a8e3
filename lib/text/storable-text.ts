// PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates; a write carrying one fails
// deep in the driver as a 500. Found up front, it is a 422 that names the field.

/**
 * NUL or an unpaired surrogate. isWellFormed (ES2024, Node ≥ 20) is false exactly when a surrogate
 * is unpaired, and several times faster on long texts than a regular expression with lookarounds
 * (a 52k-record import checks ~70 MB).
 */
function unstorable(s: string): boolean {
  return s.includes("\u0000") || !(s as string & { isWellFormed(): boolean }).isWellFormed();
}

export const UNSTORABLE_MESSAGE = "contains a NUL character or an unpaired surrogate";
export const NON_FINITE_MESSAGE = "This number is too large to store";

/**
 * Paths are dotted, array indexes included. The walks are iterative, with their own stack: a body
 * nested thousands deep must not overflow the call stack.
 */
type TNode = { value: unknown; key: string | null; parent: TNode | null };

function pathOf(node: TNode, prefix: string[]): string {
  const keys: string[] = [];
  for (let n: TNode | null = node; n; n = n.parent) if (n.key !== null) keys.push(n.key);
  return [...prefix, ...keys.reverse()].join(".") || "(value)";
}

type TProblem = "text" | "number";

/**
 * What jsonb cannot keep as sent: text PostgreSQL refuses, and numbers JSON.parse read as
 * Infinity (1e400), which JSON.stringify would silently store as null.
 */
function problemOf(v: unknown): TProblem | null {
  if (typeof v === "string") return unstorable(v) ? "text" : null;
  if (typeof v === "number") return Number.isFinite(v) ? null : "number";
  return null;
}

/** The first unstorable value (or key) in document order, with its path. Iterative, like the walk below. */
export function findUnstorableValue(
  value: unknown,
  path: string[] = [],
  kinds: readonly TProblem[] = ["text", "number"],
): { path: string; problem: TProblem } | null {
  // Parent links, not copied paths: copying would make a deep body quadratic.
  const stack: TNode[] = [{ value, key: null, parent: null }];
  while (stack.length) {
    const node = stack.pop() as TNode;
    const v = node.value;
    const problem = problemOf(v);
    if (problem && kinds.includes(problem)) return { path: pathOf(node, path), problem };
    if (Array.isArray(v)) {
      // Pushed in reverse so the first offending element, in document order, is found first.
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: node });
    } else if (v && typeof v === "object") {
      const entries = Object.entries(v);
      for (const [k] of entries)
        if (kinds.includes("text") && unstorable(k))
          return { path: pathOf({ value: null, key: k, parent: node }, path), problem: "text" };
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        stack.push({ value: child, key: k, parent: node });
      }
    }
  }
  return null;
}

export function findUnstorableText(value: unknown, path: string[] = []): string | null {
  return findUnstorableValue(value, path, ["text"])?.path ?? null;
}
