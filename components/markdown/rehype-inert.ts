import type { Element, Root } from "hast";

// Attributes a model's text could use to reach outside its box: ids (two answers with footnotes
// would repeat "user-content-fn-1", and an id can be a fragment target), references to them, and
// every URL. The components render links and images as text anyway; this keeps the tree itself clean.
const DROPPED = ["id", "ariaDescribedBy", "ariaLabelledBy", "href", "src", "srcSet", "name"];

function clean(node: Root | Element): void {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    for (const key of DROPPED) delete child.properties[key];
    clean(child);
  }
}

/** A rehype plugin: the rendered tree without ids or URLs. */
export function rehypeInert() {
  return (tree: Root) => clean(tree);
}
