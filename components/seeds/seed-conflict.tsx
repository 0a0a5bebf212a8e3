"use client";

import { Button } from "@/components/ui/button";
import type { TConflictRow } from "./conflict-rows";

/**
 * A stale save, side by side: the version someone else saved and the user's unsaved text, field by
 * field. Nothing was overwritten; the user takes their value per field or as a whole, or saves
 * their own text as the next version on top of theirs.
 */
export function SeedConflict({
  currentVersion,
  savedBy,
  rows,
  busy,
  onTake,
  onTakeAll,
  onSaveMine,
}: {
  currentVersion: number;
  savedBy?: string;
  rows: TConflictRow[];
  busy: boolean;
  onTake: (row: TConflictRow) => void;
  onTakeAll: () => void;
  onSaveMine: () => void;
}) {
  return (
    <section
      role="region"
      aria-labelledby="seed-conflict-title"
      className="space-y-3 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950"
      data-testid="seed-conflict"
    >
      <h2 id="seed-conflict-title" className="font-semibold">
        Version {currentVersion} was saved {savedBy ? `by ${savedBy} ` : ""}while you were editing. Nothing
        was overwritten.
      </h2>
      {rows.length === 0 ? (
        <p>Your text is the same as theirs.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full table-fixed border-collapse text-left">
            <caption className="sr-only">
              Fields that differ between version {currentVersion} and your unsaved text
            </caption>
            <thead className="text-xs uppercase text-amber-900">
              <tr>
                <th scope="col" className="w-32 py-1 pr-2">
                  Field
                </th>
                <th scope="col" className="py-1 pr-2">
                  Theirs (version {currentVersion})
                </th>
                <th scope="col" className="py-1 pr-2">
                  Yours (not saved)
                </th>
                <th scope="col" className="w-28 py-1" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr
                  key={r.field}
                  className="border-t border-amber-200 align-top"
                  data-testid={`conflict-${r.field}`}
                >
                  <th scope="row" className="py-2 pr-2 font-medium">
                    {r.label}
                  </th>
                  <td className="whitespace-pre-wrap py-2 pr-2" data-side="theirs">
                    {r.theirs || <em>(empty)</em>}
                  </td>
                  <td className="whitespace-pre-wrap bg-white/60 py-2 pr-2" data-side="yours">
                    {r.yours || <em>(empty)</em>}
                  </td>
                  <td className="py-2">
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2 py-1 text-xs"
                      aria-label={`Use their ${r.label.toLowerCase()}`}
                      onClick={() => onTake(r)}
                    >
                      Use theirs
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} onClick={onSaveMine}>
          Save mine as version {currentVersion + 1}
        </Button>
        <Button type="button" variant="secondary" disabled={busy} onClick={onTakeAll}>
          Discard mine and take theirs
        </Button>
      </div>
      <p className="text-xs">
        “Save mine” keeps every field as it is in the editor now (after any “Use theirs”) and records it on
        top of theirs, so both stay in the history.
      </p>
    </section>
  );
}
