"use client";

import { useEffect } from "react";
import { SeedStatusBadge } from "./seed-status-badge";

/**
 * The heading of /seeds/new. The first autosave creates the seed as a private draft and the address
 * becomes its page, so from then on the heading and the tab's title name that seed, not a new one.
 */
export function NewSeedHeading({ seedId, version }: { seedId: string | undefined; version: number }) {
  useEffect(() => {
    // The page's metadata title ("New seed · …"); the seed's own page is titled "Seed".
    if (seedId) document.title = document.title.replace(/^New seed\b/, "Seed");
  }, [seedId]);
  if (!seedId) return <h1 className="text-2xl font-bold">New seed task</h1>;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h1 className="text-2xl font-bold">Seed</h1>
      <SeedStatusBadge status="DRAFT" />
      <span className="text-sm text-slate-600">private draft · version {version}</span>
    </div>
  );
}
