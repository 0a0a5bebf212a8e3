"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useState, type ReactNode } from "react";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import type { TRaterGuidelines } from "@/lib/guidelines/schemas";
import { GuidelinesBody } from "./guidelines-body";
import { guidelineKeys, guidelineUrls, type TGuidelineKind } from "./guideline-urls";

const DefinitionsContext = createContext<ReadonlyMap<string, string>>(new Map());

/** The current definitions of the flags or criteria, for the hint beside each on the work screen. */
export function useGuidelineDefinitions(): ReadonlyMap<string, string> {
  return useContext(DefinitionsContext);
}

const ITEMS_TITLE: Record<TGuidelineKind, string> = { audit: "Error flags", study: "Criteria" };

/**
 * The work screen's guidelines (issue 15 item 4). While the current version is not acknowledged,
 * the rater reads it and acknowledges it before the screen claims anything (the server refuses the
 * claim too); afterwards a collapsible "Guidelines" panel above the work. When a newer version
 * appears (read again every minute and on focus), the panel opens with it and the screen restarts
 * once it is acknowledged, so the next claim goes through. No guidelines written: the work as before.
 */
export function GuidelinesGate({
  kind,
  ownerId,
  initial,
  children,
}: {
  kind: TGuidelineKind;
  ownerId: string;
  initial?: TRaterGuidelines;
  children: ReactNode;
}) {
  const urls = guidelineUrls(kind, ownerId);
  const client = useQueryClient();
  const query = useQuery({
    queryKey: guidelineKeys.rater(kind, ownerId),
    queryFn: () => apiFetch<TRaterGuidelines>(urls.current),
    initialData: initial,
    refetchInterval: 60_000,
  });
  // The work screen mounts once per acknowledged version (it claims when it mounts).
  const [started, setStarted] = useState<number | null>(null);
  const ack = useMutation({
    mutationFn: (version: number) =>
      apiFetch<{ acknowledgedVersion: number }>(urls.acknowledge, { method: "POST", body: { version } }),
    onSuccess: async (r) => {
      setStarted(r.acknowledgedVersion);
      await client.invalidateQueries({ queryKey: guidelineKeys.rater(kind, ownerId) });
    },
  });
  const g = query.data;
  const mustAck = !!g && g.mustAcknowledge && g.version !== null && started !== g.version;
  // Once the work screen was shown, a newer version opens the panel instead of taking the screen
  // away mid-item (the item in hand can still be submitted; the next claim waits for the ack).
  const [entered, setEntered] = useState(false);
  const gated = mustAck && !entered;
  // React's "adjust state while rendering" pattern: remembered from the render that showed the work.
  if (g && !gated && !entered) setEntered(true);
  if (!g) {
    // Unreadable guidelines do not keep anyone from work: the claim itself still asks for them.
    return query.isError ? <>{children}</> : <p className="text-sm text-muted">Loading guidelines…</p>;
  }
  const definitions = new Map(g.items.map((i) => [i.key, i.definition]));
  const acknowledgeButton =
    g.version !== null ? (
      <div className="space-y-2">
        {ack.error ? (
          <Notice tone="error">
            {detailOf(ack.error, "Could not record your acknowledgement. Try again.")}
          </Notice>
        ) : null}
        <Button
          type="button"
          disabled={ack.isPending}
          onClick={() => g.version !== null && ack.mutate(g.version)}
          data-testid="guidelines-acknowledge"
        >
          {ack.isPending ? "Saving…" : "I have read these guidelines"}
        </Button>
      </div>
    ) : null;
  const body = <GuidelinesBody guidelines={g.guidelines} items={g.items} itemsTitle={ITEMS_TITLE[kind]} />;

  // First entry (or a new version before any work here): read, acknowledge, then work.
  if (gated)
    return (
      <section
        aria-labelledby="guidelines-heading"
        className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
        data-testid="guidelines-gate"
      >
        <h2 id="guidelines-heading" className="text-lg font-semibold">
          Guidelines (version {g.version})
        </h2>
        <p className="text-sm text-muted">
          {g.acknowledgedVersion === null
            ? "Read these before your first item."
            : `They changed since version ${g.acknowledgedVersion}, which you read. Read them again before your next item.`}
        </p>
        {body}
        {acknowledgeButton}
      </section>
    );

  return (
    <DefinitionsContext.Provider value={definitions}>
      <div className="space-y-4">
        {g.version !== null ? (
          <details
            className="rounded-lg border border-slate-300 bg-white p-3"
            open={mustAck || undefined}
            data-testid="guidelines-panel"
          >
            <summary className="cursor-pointer text-sm font-semibold text-brand-700">
              Guidelines (version {g.version})
            </summary>
            <div className="mt-3 space-y-3">
              {mustAck ? (
                <Notice tone="warning">
                  The guidelines changed (version {g.version}): read them and acknowledge before your next
                  item.
                </Notice>
              ) : null}
              {body}
              {mustAck ? acknowledgeButton : null}
            </div>
          </details>
        ) : null}
        <div key={started ?? g.acknowledgedVersion ?? 0}>{children}</div>
      </div>
    </DefinitionsContext.Provider>
  );
}
