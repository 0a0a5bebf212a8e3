import { Transcript } from "@/components/conversations/transcript";
import { MarkdownText } from "@/components/markdown/markdown-text";
import type { TStudyExample } from "@/lib/studies/study-examples";

function Answers({ example }: { example: TStudyExample }) {
  return (
    <ul className="space-y-2 p-2">
      {example.outputs.map((o) => (
        <li key={o.model}>
          <details className="rounded-md border border-slate-200 p-2" data-testid="example-output">
            <summary className="cursor-pointer text-sm">
              <span className="font-semibold">{o.model}</span>{" "}
              <span className="text-muted">
                preferred in {o.wins} of {example.votes} votes on this prompt
              </span>
            </summary>
            <MarkdownText text={o.text} className="mt-2" />
          </details>
        </li>
      ))}
    </ul>
  );
}

/** The most-rated prompts and the models' answers; a conversation prompt is shown as its transcript. */
export function StudyExamples({ examples }: { examples: TStudyExample[] }) {
  if (examples.length === 0) return <p className="text-sm text-muted">No judgements yet.</p>;
  return (
    <ol className="space-y-6" data-testid="study-examples">
      {examples.map((e, i) => (
        <li key={e.promptId} className="min-w-0 space-y-2">
          <h3 className="text-sm font-semibold">
            Example {i + 1} · {e.votes} {e.votes === 1 ? "vote" : "votes"}
          </h3>
          {e.context ? (
            <Transcript
              context={e.context}
              visibleTail={2}
              final={<Answers example={e} />}
              finalLabel="Models' answers"
            />
          ) : (
            <>
              <MarkdownText text={e.instruction} />
              {e.input ? <MarkdownText text={e.input} className="text-slate-700" /> : null}
              <Answers example={e} />
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
