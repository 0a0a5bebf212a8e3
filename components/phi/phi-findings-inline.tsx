import { phiKindLabel } from "@/lib/phi/labels";
import { PhiMark } from "./phi-marked-text";

const CONTEXT = 30;

/** A little text either side of a span, cut at whole words. */
function around(text: string, start: number, end: number): { from: number; to: number } {
  let from = Math.max(0, start - CONTEXT);
  const space = from > 0 ? text.slice(from, start).search(/\s/) : -1;
  if (space >= 0) from += space + 1;
  let to = Math.min(text.length, end + CONTEXT);
  const last = to < text.length ? text.slice(end, to).search(/\s\S*$/) : -1;
  if (last >= 0) to = end + last;
  return { from, to };
}

/**
 * Under a text box: each possible identifier the person wrote, marked in a little of its
 * context, with its kind. Announced politely as it changes (never interrupts typing).
 */
export function PhiFindingsInline({
  text,
  findings,
  id,
}: {
  text: string;
  findings: readonly { kind: string; start: number; end: number }[];
  id?: string;
}) {
  return (
    <div id={id} aria-live="polite" data-testid="phi-findings-inline">
      {findings.length ? (
        <div className="mt-1 rounded-md border-l-4 border-amber-600 bg-amber-50 p-2 text-sm text-amber-950">
          <p className="font-semibold">
            Possible patient identifier{findings.length > 1 ? "s" : ""}:{" "}
            {[...new Set(findings.map((f) => phiKindLabel(f.kind)))].join(", ")}
          </p>
          <ul className="mt-1 space-y-1">
            {findings.map((f) => {
              const { from, to } = around(text, f.start, f.end);
              return (
                <li key={`${f.start}-${f.end}`} className="break-words">
                  {from > 0 ? "…" : ""}
                  {text.slice(from, f.start)}
                  <PhiMark text={text.slice(f.start, f.end)} kind={f.kind} />
                  {text.slice(f.end, to)}
                  {to < text.length ? "…" : ""}
                </li>
              );
            })}
          </ul>
          <p className="mt-1 text-xs">Remove it, or confirm it is not PHI when you submit.</p>
        </div>
      ) : null}
    </div>
  );
}
