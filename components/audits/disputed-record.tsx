import { Transcript } from "@/components/conversations/transcript";
import type { TSourceSpan } from "@/components/markdown/rehype-phi-marks";
import type { TTurn } from "@/lib/conversations/types";

/**
 * The record of a disputed item, as the adjudicator reads it: instruction and output, or for a
 * chat its turns (possible identifiers marked in each) with the output as the turn under review.
 */
export function DisputedRecord({
  instruction,
  output,
  context,
  contextPhiSpans,
}: {
  instruction: string;
  output: string;
  context: TTurn[] | null;
  contextPhiSpans: TSourceSpan[][];
}) {
  if (context)
    return (
      <Transcript
        context={context}
        spansByTurn={contextPhiSpans}
        final={<p className="whitespace-pre-wrap break-words p-2">{output}</p>}
      />
    );
  return (
    <>
      <p className="whitespace-pre-wrap break-words font-medium">{instruction}</p>
      <p className="mt-1 whitespace-pre-wrap break-words">{output}</p>
    </>
  );
}
