"use client";

import { useEffect, useState } from "react";
import type { TWrittenFinding, TWrittenText } from "@/lib/phi/written-findings";

type TScan = (fields: readonly TWrittenText[]) => TWrittenFinding[];
let loading: Promise<TScan> | null = null;

/**
 * The server's own scan (lib/phi/written-findings), run in the browser as the person types: the
 * same rules decide what the submit will ask about. Loaded on first use, so pages that never
 * show a text box do not carry the detector's word lists.
 */
function loadScan(): Promise<TScan> {
  loading ??= import("@/lib/phi/written-findings").then((m) => m.writtenFindingsOf);
  return loading;
}

/** New possible identifiers in the given fields, a moment after the last keystroke. */
export function useWrittenFindings(fields: readonly TWrittenText[], delayMs = 150): TWrittenFinding[] {
  const [findings, setFindings] = useState<TWrittenFinding[]>([]);
  const key = JSON.stringify(fields);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void loadScan().then((scan) => {
        if (live) setFindings(scan(JSON.parse(key) as TWrittenText[]));
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, delayMs]);
  return findings;
}
