import { Fragment, type ReactNode } from "react";
import { phiKindLabel } from "@/lib/phi/labels";

export type TSpan = { kind: string; start: number; end: number };

/**
 * Text with each possible identifier marked and named in words after it, so the kind is read out
 * and seen without relying on colour. All text is rendered as text.
 */
export function PhiMarkedText({ text, spans }: { text: string; spans: readonly TSpan[] }) {
  const sorted = [...spans]
    .filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end)
    .sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  sorted.forEach((s, i) => {
    if (s.start < at) return;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, s.start)}</Fragment>);
    parts.push(<PhiMark key={`m${i}`} text={text.slice(s.start, s.end)} kind={s.kind} />);
    at = s.end;
  });
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

/**
 * One marked span: underlined and tinted, with its kind as a visible tag. A span cut by markup in
 * rendered markdown is several marks; only the last carries the tag (`label`).
 */
export function PhiMark({
  text,
  children,
  kind,
  label = true,
}: {
  text?: string;
  children?: ReactNode;
  kind: string;
  label?: boolean;
}) {
  return (
    <span data-testid="phi-mark" data-kind={kind}>
      <mark className="rounded-sm bg-amber-100 underline decoration-amber-700 decoration-wavy underline-offset-2">
        {text ?? children}
      </mark>
      {label ? (
        <span className="ml-0.5 whitespace-nowrap rounded border border-amber-700 px-1 align-baseline text-[0.7rem] font-semibold text-amber-900">
          {phiKindLabel(kind)}
        </span>
      ) : null}
    </span>
  );
}
