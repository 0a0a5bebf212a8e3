import type { Element, ElementContent, Root, RootContent, Text } from "hast";

/** A possible identifier as the PHI detector reports it: [start, end) in the markdown source. */
export type TSourceSpan = { kind: string; start: number; end: number };

// How far past the cursor a rendered character is looked for in the source. Markdown drops a few
// source characters between two rendered ones (an escape's backslash, an entity's "&amp;", a
// quote's "> ", a list item's continuation indent); a longer gap means the character is not there.
const LOOKAHEAD = 24;

/**
 * The source offset of each character of `value`, a rendered text taken from `source[from, to)`:
 * each character is matched to the next equal character of the source, or -1 when none is near
 * (a decoded entity such as "&#169;" → "©").
 */
export function alignToSource(value: string, source: string, from: number, to: number): Int32Array {
  const offsets = new Int32Array(value.length).fill(-1);
  let at = from;
  for (let i = 0; i < value.length; i++) {
    const limit = Math.min(to, at + LOOKAHEAD);
    let k = at;
    while (k < limit && source[k] !== value[i]) k++;
    if (k < limit) {
      offsets[i] = k;
      at = k + 1;
    }
  }
  return offsets;
}

type TPiece = { text: string; span: number };
type TOwner = { start: number; end: number; cursor: number };

/** Cuts a rendered text into runs of characters covered by one span (or by none, -1). */
function piecesOf(value: string, offsets: Int32Array, spans: readonly TSourceSpan[]): TPiece[] {
  const pieces: TPiece[] = [];
  for (let i = 0; i < value.length; i++) {
    const o = offsets[i] ?? -1;
    const span = o < 0 ? -1 : spans.findIndex((s) => o >= s.start && o < s.end);
    const last = pieces[pieces.length - 1];
    if (last && last.span === span) last.text += value[i];
    else pieces.push({ text: value[i] ?? "", span });
  }
  return pieces;
}

type TParent = Root | Element;

/** A positioned element's source window; a fenced code block's text starts after its fence line. */
function ownerOf(tagName: string, source: string, start: number, end: number): TOwner {
  let cursor = start;
  if (
    (tagName === "pre" || tagName === "code") &&
    /^ {0,3}(`{3,}|~{3,})/.test(source.slice(start, start + 8))
  ) {
    const eol = source.indexOf("\n", start);
    cursor = eol < 0 || eol > end ? end : eol + 1;
  }
  return { start, end, cursor };
}

/**
 * Marks the possible identifiers of a markdown text in its rendered tree: each rendered character
 * whose source character lies in a span is wrapped in a `mark` carrying the span's kind. A span
 * cut by markup ("**Jane** Doe") becomes one mark per piece; only its last piece carries the
 * label, so the kind is named once, after the identifier, as in plain text. Raw HTML stays text
 * (it is never rendered as HTML).
 */
export function markPhiInTree(tree: Root, source: string, input: readonly TSourceSpan[]): void {
  const spans = input.filter((s) => s.start >= 0 && s.end <= source.length && s.start < s.end);
  if (spans.length === 0) return;
  const placed: { parent: TParent; index: number; pieces: TPiece[] }[] = [];
  const owners = new Map<TParent, TOwner>();

  const walk = (parent: TParent, owner: TOwner | null) => {
    parent.children.forEach((child: RootContent, index) => {
      if (child.type === "text" || child.type === "raw") {
        const own = child.position
          ? { start: child.position.start.offset ?? 0, end: child.position.end.offset ?? source.length }
          : null;
        // A text without a position (a code block's) is found within its nearest positioned ancestor.
        const window = own ? { ...own, cursor: own.start } : owner;
        if (!window) return;
        const offsets = alignToSource(child.value, source, window.cursor, window.end);
        if (!own) for (const o of offsets) if (o >= 0) window.cursor = o + 1;
        placed.push({ parent, index, pieces: piecesOf(child.value, offsets, spans) });
      } else if (child.type === "element") {
        const p = child.position;
        let next = owner;
        if (p?.start.offset !== undefined && p.end.offset !== undefined) {
          next = owners.get(child) ?? ownerOf(child.tagName, source, p.start.offset, p.end.offset);
          owners.set(child, next);
        }
        walk(child, next);
      }
    });
  };
  walk(tree, null);

  const lastPieceOf = new Map<number, TPiece>();
  for (const p of placed)
    for (const piece of p.pieces) if (piece.span >= 0) lastPieceOf.set(piece.span, piece);

  // Replace from the end so earlier indexes stay valid.
  for (const { parent, index, pieces } of placed.reverse()) {
    const nodes: ElementContent[] = pieces.map((piece): ElementContent => {
      const text: Text = { type: "text", value: piece.text };
      const span = spans[piece.span];
      if (!span) return text;
      return {
        type: "element",
        tagName: "mark",
        properties: { dataPhiKind: span.kind, dataPhiLabel: lastPieceOf.get(piece.span) === piece },
        children: [text],
      };
    });
    (parent.children as ElementContent[]).splice(index, 1, ...nodes);
  }
}

/** The same as a rehype plugin: the source is the file react-markdown parsed. */
export function rehypePhiMarks(options: { spans: readonly TSourceSpan[] }) {
  return (tree: Root, file: { value: unknown }) => markPhiInTree(tree, String(file.value), options.spans);
}
