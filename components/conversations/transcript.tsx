import type { ReactNode } from "react";
import { ROLE_LABELS } from "@/lib/conversations/transcript-text";
import type { TTurn } from "@/lib/conversations/types";
import { cn } from "@/components/ui/cn";
import { MarkdownText } from "@/components/markdown/markdown-text";
import type { TSourceSpan } from "@/components/markdown/rehype-phi-marks";

const ROLE_STYLES: Record<TTurn["role"], string> = {
  system: "border-slate-300 bg-slate-50",
  user: "border-sky-200 bg-sky-50",
  assistant: "border-slate-200 bg-white",
};

/** Turns kept in view when a long context is folded: the answer is read against the last exchange. */
const DEFAULT_VISIBLE_TAIL = 4;

function Turn({ turn, index, spans }: { turn: TTurn; index: number; spans?: readonly TSourceSpan[] }) {
  return (
    <li
      className={cn("rounded-md border p-3", ROLE_STYLES[turn.role])}
      data-testid="transcript-turn"
      data-role={turn.role}
    >
      <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">
        {ROLE_LABELS[turn.role]} <span className="font-normal normal-case">· turn {index + 1}</span>
      </p>
      <MarkdownText text={turn.content} spans={spans} />
    </li>
  );
}

/**
 * A conversation shown as a chat: role and turn number on every turn, each turn rendered like any
 * other text, earlier turns folded behind a native disclosure (keyboard and screen-reader ready,
 * no script) so the last exchange stays in view. `final` is the turn under review, rendered by the
 * caller (an output panel with its correction, or the two responses of a pair) and marked as such.
 *
 * On the rating screen the context is rendered once, above both responses, from the prompt's own
 * stored turns: nothing in it can differ between model A and model B.
 */
export function Transcript({
  context,
  final,
  finalLabel = "Answer under review",
  spansByTurn,
  visibleTail = DEFAULT_VISIBLE_TAIL,
  className,
}: {
  context: readonly TTurn[];
  final?: ReactNode;
  finalLabel?: string;
  spansByTurn?: readonly (readonly TSourceSpan[] | undefined)[];
  visibleTail?: number;
  className?: string;
}) {
  const folded = Math.max(0, context.length - visibleTail);
  const turn = (t: TTurn, i: number) => <Turn key={i} turn={t} index={i} spans={spansByTurn?.[i]} />;
  return (
    <section className={cn("space-y-2", className)} aria-label="Conversation" data-testid="transcript">
      {folded > 0 && (
        <details
          className="rounded-md border border-dashed border-slate-300 p-2"
          data-testid="transcript-earlier"
        >
          <summary className="cursor-pointer text-sm text-muted">
            Show {folded} earlier {folded === 1 ? "turn" : "turns"}
          </summary>
          <ol className="mt-2 space-y-2">{context.slice(0, folded).map((t, i) => turn(t, i))}</ol>
        </details>
      )}
      <ol className="space-y-2" start={folded + 1}>
        {context.slice(folded).map((t, i) => turn(t, folded + i))}
      </ol>
      {final !== undefined && (
        <div className="rounded-md border-2 border-sky-600 p-1" data-testid="transcript-final">
          <p className="px-2 pt-1 text-xs font-semibold uppercase tracking-wide text-sky-800">
            {finalLabel} <span className="font-normal normal-case">· turn {context.length + 1}</span>
          </p>
          {final}
        </div>
      )}
    </section>
  );
}
