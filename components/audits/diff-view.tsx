import { PhiMarkedText } from "@/components/phi/phi-marked-text";
import { liveWordDiff, spansWithin, type TOffsetSpan } from "./live-word-diff";

const NONE: readonly TOffsetSpan[] = [];

/**
 * Original vs correction, word by word, with possible identifiers marked where they are: the
 * original's (`beforeSpans`) in the words kept or removed, the correction's (`afterSpans`) in the
 * words kept or added. All text rendered as text.
 */
export function DiffView({
  before,
  after,
  beforeSpans = NONE,
  afterSpans = NONE,
}: {
  before: string;
  after: string;
  beforeSpans?: readonly TOffsetSpan[];
  afterSpans?: readonly TOffsetSpan[];
}) {
  // Each part's start in the original and in the correction, computed before rendering.
  const diff = liveWordDiff(before, after);
  const starts = diff.reduce<{ before: number; after: number }[]>((acc, p, i) => {
    const prev = acc[i - 1];
    const last = diff[i - 1];
    const n = last?.text.length ?? 0;
    acc.push({
      before: (prev?.before ?? 0) + (last && last.kind !== "added" ? n : 0),
      after: (prev?.after ?? 0) + (last && last.kind !== "removed" ? n : 0),
    });
    return acc;
  }, []);
  const parts = diff.map((p, i) => {
    const n = p.text.length;
    const at = starts[i] ?? { before: 0, after: 0 };
    const spans =
      p.kind === "removed"
        ? spansWithin(beforeSpans, at.before, n)
        : p.kind === "added"
          ? spansWithin(afterSpans, at.after, n)
          : [...spansWithin(beforeSpans, at.before, n), ...spansWithin(afterSpans, at.after, n)];
    const text = <PhiMarkedText text={p.text} spans={spans} />;
    return p.kind === "same" ? (
      <span key={i}>{text}</span>
    ) : p.kind === "removed" ? (
      <del key={i} className="bg-error-soft text-error line-through">
        {text}
      </del>
    ) : (
      <ins key={i} className="bg-success-soft text-success no-underline">
        {text}
      </ins>
    );
  });
  return (
    <p
      className="whitespace-pre-wrap break-words rounded border border-slate-200 bg-white p-3 text-sm"
      data-testid="diff-view"
    >
      {parts}
    </p>
  );
}
