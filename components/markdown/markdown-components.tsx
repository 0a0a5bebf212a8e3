import type { Element } from "hast";
import type { ReactNode } from "react";
import type { Components } from "react-markdown";
import { PhiMark } from "@/components/phi/phi-marked-text";

// Each element a model's markdown can produce, mapped to markup of ours. Only `children` (and a
// list's start, a cell's alignment) pass through: nothing the text sets (ids, hrefs, styles,
// event attributes) reaches the page. No inline style either: the nonce CSP refuses it, so table
// alignment becomes a class.

type TProps = { children?: ReactNode; node?: Element };

/** A hast property as text (class lists are arrays of words). */
const property = (node: Element | undefined, key: string): string | number | boolean | undefined => {
  const v = node?.properties[key];
  return Array.isArray(v) ? v.join(" ") : (v ?? undefined);
};

/** Headings inside an answer are styled, not outlined: the page's own headings stay its outline. */
function heading(size: string) {
  function Heading({ children }: TProps) {
    return <p className={`mb-1 mt-3 font-semibold first:mt-0 ${size}`}>{children}</p>;
  }
  return Heading;
}

const ALIGN: Record<string, string> = { left: "text-left", center: "text-center", right: "text-right" };
const cellClass = (node: Element | undefined) => ALIGN[String(property(node, "align"))] ?? "text-left";

export const MARKDOWN_COMPONENTS: Components = {
  p: ({ children }: TProps) => <p className="my-2 first:mt-0 last:mb-0">{children}</p>,
  h1: heading("text-lg"),
  h2: heading("text-base"),
  h3: heading("text-base"),
  h4: heading(""),
  h5: heading(""),
  h6: heading(""),
  ul: ({ children, node }: TProps) => (
    <ul
      className={
        String(property(node, "className") ?? "").includes("contains-task-list")
          ? "my-2 list-none pl-1 first:mt-0 last:mb-0"
          : "my-2 list-disc pl-6 first:mt-0 last:mb-0"
      }
    >
      {children}
    </ul>
  ),
  ol: ({ children, node }: TProps) => {
    const start = Number(property(node, "start"));
    return (
      <ol
        className="my-2 list-decimal pl-6 first:mt-0 last:mb-0"
        start={Number.isFinite(start) ? start : undefined}
      >
        {children}
      </ol>
    );
  },
  li: ({ children }: TProps) => <li className="my-0.5">{children}</li>,
  blockquote: ({ children }: TProps) => (
    <blockquote className="my-2 border-l-4 border-slate-300 pl-3 text-slate-700 first:mt-0 last:mb-0">
      {children}
    </blockquote>
  ),
  // Long lines scroll inside the block, not the page (375 px); focusable so keyboards can scroll it.
  pre: ({ children }: TProps) => (
    <pre
      className="my-2 overflow-x-auto rounded bg-slate-100 p-2 text-xs first:mt-0 last:mb-0 [&>code]:bg-transparent [&>code]:p-0"
      tabIndex={0}
    >
      {children}
    </pre>
  ),
  code: ({ children }: TProps) => (
    <code className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">{children}</code>
  ),
  table: ({ children }: TProps) => (
    <div className="my-2 overflow-x-auto first:mt-0 last:mb-0" tabIndex={0}>
      <table className="border-collapse text-left text-sm">{children}</table>
    </div>
  ),
  thead: ({ children }: TProps) => <thead className="bg-slate-100">{children}</thead>,
  tbody: ({ children }: TProps) => <tbody>{children}</tbody>,
  tr: ({ children }: TProps) => <tr className="border-b border-slate-200">{children}</tr>,
  th: ({ children, node }: TProps) => (
    <th scope="col" className={`px-2 py-1 font-semibold ${cellClass(node)}`}>
      {children}
    </th>
  ),
  td: ({ children, node }: TProps) => (
    <td className={`px-2 py-1 align-top ${cellClass(node)}`}>{children}</td>
  ),
  hr: () => <hr className="my-3 border-slate-300" />,
  del: ({ children }: TProps) => <del>{children}</del>,
  strong: ({ children }: TProps) => <strong className="font-semibold">{children}</strong>,
  em: ({ children }: TProps) => <em>{children}</em>,
  // Inert: the link's text, never its target.
  a: ({ children }: TProps) => <span className="underline decoration-dotted">{children}</span>,
  // Never fetched (a tracking pixel would tell a server who reads what, and when).
  img: ({ node }: TProps) => {
    const alt = property(node, "alt");
    return <span className="text-muted">[image{alt ? `: ${String(alt)}` : ""}]</span>;
  },
  // A task list's box is a glyph, not a control the reviewer could tick.
  input: ({ node }: TProps) => (
    <span className="mr-1" aria-hidden="true">
      {property(node, "checked") ? "☑" : "☐"}
    </span>
  ),
  mark: ({ children, node }: TProps) => (
    <PhiMark kind={String(property(node, "dataPhiKind"))} label={property(node, "dataPhiLabel") === true}>
      {children}
    </PhiMark>
  ),
  section: ({ children }: TProps) => (
    <div className="mt-3 border-t border-slate-200 pt-2 text-xs">{children}</div>
  ),
  sup: ({ children }: TProps) => <sup>{children}</sup>,
};
