import { memo, useMemo } from "react";
import Markdown, { type Options } from "react-markdown";
import remarkGfm from "remark-gfm";
import { cn } from "@/components/ui/cn";
import { MARKDOWN_COMPONENTS } from "./markdown-components";
import { rehypePhiMarks, type TSourceSpan } from "./rehype-phi-marks";
import { rehypeInert } from "./rehype-inert";

const NO_SPANS: readonly TSourceSpan[] = [];
const REMARK = [remarkGfm];

/**
 * The one renderer of instructions, inputs and outputs on the work screens: GitHub-flavoured
 * markdown (tables, lists, strikethrough, task lists), with what a model's text must not do to a
 * reviewer's page taken out. Raw HTML is shown as the text it is, never parsed; links are inert
 * text (no href: nothing to click away to, no referrer leak); images are never fetched, their alt
 * text is shown instead. Possible identifiers (`spans`, offsets into `text`) are marked where the
 * rendered text shows them.
 *
 * Memoised on its props: typing a rationale must not re-parse a 4,000-character answer.
 */
export const MarkdownText = memo(function MarkdownText({
  text,
  spans = NO_SPANS,
  className,
  testId,
}: {
  text: string;
  spans?: readonly TSourceSpan[];
  className?: string;
  testId?: string;
}) {
  const rehype = useMemo(
    (): Options["rehypePlugins"] =>
      spans.length ? [rehypeInert, [rehypePhiMarks, { spans }]] : [rehypeInert],
    [spans],
  );
  return (
    <div className={cn("markdown-text break-words text-sm leading-relaxed", className)} data-testid={testId}>
      <Markdown remarkPlugins={REMARK} rehypePlugins={rehype} components={MARKDOWN_COMPONENTS}>
        {text}
      </Markdown>
    </div>
  );
});
