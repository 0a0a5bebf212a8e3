import { Transcript } from "@/components/conversations/transcript";
import type { TTurn } from "@/lib/conversations/types";

/**
 * A prompt in an admin list (held-back comparisons, outputs that name a model): the last user
 * turn, and for a conversation prompt how many turns came before it, behind a disclosure that
 * shows them as a transcript. Prompts are shared by every model: nothing here says which model
 * answered; the list around it decides who sees model names.
 */
export function PromptWithContext({ prompt, context }: { prompt: string; context: readonly TTurn[] | null }) {
  // A conversation prompt's context ends with the last user turn, which is `prompt` itself.
  const earlier = context ? context.slice(0, -1) : [];
  return (
    <>
      “{prompt}”
      {earlier.length > 0 ? (
        <details className="mt-1 min-w-0" data-testid="prompt-context">
          <summary className="cursor-pointer text-xs text-muted">
            {earlier.length} earlier {earlier.length === 1 ? "turn" : "turns"}
          </summary>
          <Transcript context={earlier} visibleTail={earlier.length} className="mt-2" />
        </details>
      ) : null}
    </>
  );
}
