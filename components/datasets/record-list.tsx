import { Transcript } from "@/components/conversations/transcript";
import type { TBrowsedRecord } from "@/lib/datasets/browse-records";

/** Generated text is shown as text, never as markup. */
export function RecordList({ records }: { records: TBrowsedRecord[] }) {
  return (
    <ol className="space-y-3">
      {records.map((r) => (
        <li
          key={r.ordinal}
          className="rounded border border-slate-200 p-3 text-sm"
          data-testid="dataset-record"
        >
          <p className="text-xs text-slate-500">#{r.ordinal}</p>
          {r.context ? (
            // A chat: its turns, the output as the final (reviewed) turn.
            <Transcript
              context={r.context}
              finalLabel="Output"
              final={<p className="whitespace-pre-wrap break-words p-2 text-slate-800">{r.output}</p>}
            />
          ) : (
            <>
              <p className="whitespace-pre-wrap break-words font-medium">{r.instruction}</p>
              {r.input ? (
                <p className="mt-1 whitespace-pre-wrap break-words text-slate-700">Input: {r.input}</p>
              ) : null}
              <p className="mt-1 whitespace-pre-wrap break-words text-slate-800">
                {r.output ?? <em>(no output)</em>}
              </p>
            </>
          )}
          {r.metadata ? (
            <p className="mt-1 break-words text-xs text-slate-500">{JSON.stringify(r.metadata)}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
