import { wordDiff } from "@/lib/audits/word-diff";

/** Original vs correction, word by word; all text rendered as text. */
export function DiffView({ before, after }: { before: string; after: string }) {
  return (
    <p
      className="whitespace-pre-wrap break-words rounded border border-slate-200 bg-white p-3 text-sm"
      data-testid="diff-view"
    >
      {wordDiff(before, after).map((p, i) =>
        p.kind === "same" ? (
          <span key={i}>{p.text}</span>
        ) : p.kind === "removed" ? (
          <del key={i} className="bg-red-100 text-red-900">
            {p.text}
          </del>
        ) : (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {p.text}
          </ins>
        ),
      )}
    </p>
  );
}
