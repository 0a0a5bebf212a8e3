"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import type { TExportSummary } from "@/lib/exports/schemas";

type TSource = { sourceType: "seeds" | "audit_campaign" | "study"; sourceId?: string };

const KIND_LABEL: Record<string, string> = {
  "seeds.jsonl": "Seeds (JSON Lines)",
  "seeds.json": "Seeds (JSON array)",
  "audit.curated": "Curated export",
  "audit.reviews_csv": "reviews.csv",
  "study.judgements_csv": "Judgements (CSV)",
  "study.annotations": "AlpacaEval annotations",
  "study.dpo": "DPO pairs",
  "study.allocation_log_csv": "Allocation log (CSV)",
};

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}

/**
 * The source's stored exports with their manifest summary (rows, size, SHA-256, licence, who and
 * when), each downloadable again as the file, the bundle (file, manifest.json, README.md) or the
 * manifest alone. Every download link on the page stores a new export: Refresh shows it here.
 */
export function StoredExports({ sourceType, sourceId }: TSource) {
  const params = new URLSearchParams({ sourceType, ...(sourceId ? { sourceId } : {}), limit: "10" });
  const list = useQuery({
    queryKey: ["exports", sourceType, sourceId ?? null],
    queryFn: () => apiFetch<{ exports: TExportSummary[] }>(`/api/v1/exports?${params.toString()}`),
  });
  const exports = list.data?.exports ?? [];
  return (
    <section className="mt-4 space-y-2" aria-label="Stored exports" data-testid="stored-exports">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Stored exports (with manifest and dataset card)</h3>
        <Button type="button" variant="secondary" onClick={() => void list.refetch()}>
          Refresh
        </Button>
      </div>
      {list.isError ? (
        <p role="alert" className="text-sm text-error">
          {detailOf(list.error, "The exports could not be loaded.")}
        </p>
      ) : exports.length === 0 ? (
        <p className="text-sm text-muted">{list.isPending ? "Loading…" : "None yet: download one above."}</p>
      ) : (
        <ul className="space-y-2">
          {exports.map((e) => (
            <li key={e.id} className="rounded border p-2 text-sm" data-testid="stored-export">
              <p className="font-medium">
                {KIND_LABEL[e.kind] ?? e.kind} · {e.rows} rows · {size(e.bytes)} · licence {e.licence}
              </p>
              <p className="text-muted">
                {new Date(e.createdAt).toLocaleString()} by {e.exportedBy} · SHA-256{" "}
                <code className="break-all" title={e.sha256}>
                  {e.sha256.slice(0, 16)}…
                </code>
              </p>
              <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                <a href={`/api/v1/exports/${e.id}/file`} className="text-brand-700 underline" download>
                  File
                </a>
                <a
                  href={`/api/v1/exports/${e.id}/bundle`}
                  className="text-brand-700 underline"
                  data-testid="bundle-link"
                  download
                >
                  Bundle (zip)
                </a>
                <a
                  href={`/api/v1/exports/${e.id}`}
                  className="text-brand-700 underline"
                  target="_blank"
                  rel="noopener"
                >
                  Manifest
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
