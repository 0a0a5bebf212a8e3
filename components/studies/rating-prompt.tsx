import { Transcript } from "@/components/conversations/transcript";
import { MarkdownText } from "@/components/markdown/markdown-text";
import type { TTurn } from "@/lib/conversations/types";
import { ResponseText } from "@/components/studies/response-text";

export type TRatingPrompt = { instruction: string; input: string; context: TTurn[] | null };

/**
 * The prompt of a comparison, shown once above both responses. A conversation prompt is its
 * transcript, rendered from the prompt's stored turns alone (this component never sees a
 * response): the context is the same markup whichever model is A, so it cannot be a tell.
 * components/studies/rating-prompt.test.ts holds that.
 */
export function RatingPrompt({ prompt }: { prompt: TRatingPrompt }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="prompt-heading">
      <h2 id="prompt-heading" className="mb-2 text-sm font-semibold uppercase text-slate-600">
        Prompt
      </h2>
      {prompt.context ? (
        <>
          <Transcript context={prompt.context} />
          <p className="mt-2 text-sm text-muted" data-testid="transcript-next">
            Both responses below are the assistant&apos;s next turn (turn {prompt.context.length + 1}).
          </p>
        </>
      ) : (
        <>
          <MarkdownText text={prompt.instruction} testId="prompt" />
          {prompt.input ? (
            <MarkdownText text={prompt.input} className="mt-2 text-slate-700" testId="prompt-input" />
          ) : null}
        </>
      )}
    </section>
  );
}

/** What a rater reads of one comparison: the prompt once, then responses A and B. */
export function RatingItem({
  prompt,
  responses,
}: {
  prompt: TRatingPrompt;
  responses: readonly { label: "A" | "B"; text: string }[];
}) {
  return (
    <>
      <RatingPrompt prompt={prompt} />
      <div className="grid gap-4 lg:grid-cols-2">
        {responses.map((r) => (
          <ResponseText key={r.label} label={r.label} text={r.text} />
        ))}
      </div>
    </>
  );
}
