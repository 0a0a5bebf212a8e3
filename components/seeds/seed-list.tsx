import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Card } from "@/components/ui/notice";
import type { listSeeds } from "@/lib/seeds/list-seeds";
import type { TTermRef } from "@/lib/vocabulary/label-lookup";
import { SeedStatusBadge } from "./seed-status-badge";

const STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "RETIRED"];

export function SeedList({
  result,
  terms,
  values,
  canWrite,
  canExport,
  canImport = false,
}: {
  result: Awaited<ReturnType<typeof listSeeds>>;
  terms: TTermRef[];
  values: Record<string, string>;
  canWrite: boolean;
  canExport: boolean;
  canImport?: boolean;
}) {
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <SelectField
      id={`filter-${name}`}
      name={name}
      label={label}
      compact
      defaultValue={values[name] ?? ""}
      options={[{ value: "", label: "Any" }, ...options]}
    />
  );
  const termOptions = (kind: string) =>
    terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.label }));
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const pageHref = (p: number) => `/seeds?${new URLSearchParams({ ...values, page: String(p) }).toString()}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Seed tasks</h1>
        {canWrite ? (
          <Link
            href="/seeds/new"
            className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white"
          >
            New seed
          </Link>
        ) : null}
        <Link href="/seeds/coverage" className="text-sm underline">
          Coverage
        </Link>
        {canImport ? (
          <Link href="/seeds/import" className="text-sm underline">
            Import seeds
          </Link>
        ) : null}
        {canExport ? (
          <form method="get" action="/api/v1/seeds/export" className="inline">
            <input type="hidden" name="status" value="approved" />
            <input type="hidden" name="format" value="jsonl" />
            <button type="submit" className="text-sm underline">
              Export approved (JSONL)
            </button>
          </form>
        ) : null}
      </div>
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-7 lg:items-end" role="search">
          <Field
            id="filter-q"
            name="q"
            type="search"
            label="Search text"
            compact
            defaultValue={values.q ?? ""}
            wrapperClassName="sm:col-span-3 lg:col-span-2"
          />
          {select(
            "status",
            "Status",
            STATUSES.map((s) => ({ value: s, label: s.replace("_", " ").toLowerCase() })),
          )}
          {select("topicId", "Topic", termOptions("TOPIC"))}
          {select("typeId", "Type", termOptions("TYPE"))}
          {select("viewId", "View", termOptions("VIEW"))}
          {select(
            "difficulty",
            "Difficulty",
            ["1", "2", "3", "4", "5"].map((d) => ({ value: d, label: d })),
          )}
          <Button type="submit" className="lg:col-start-7">
            Filter
          </Button>
        </form>
      </Card>
      <p className="text-sm text-slate-600" aria-live="polite">
        {result.total} seeds
      </p>
      <ul className="divide-y rounded-lg border bg-white" data-testid="seed-list">
        {result.seeds.map((s) => (
          <li key={s.id} className="flex flex-wrap items-start gap-3 p-3 text-sm">
            <SeedStatusBadge status={s.status} />
            <Link href={`/seeds/${s.id}`} className="min-w-0 flex-1 underline">
              {s.instruction.slice(0, 160) || "(empty draft)"}
            </Link>
            <span className="text-xs text-slate-600">
              {[s.topic, s.type, s.view].filter(Boolean).join(" · ")}{" "}
              {s.difficulty ? `· level ${s.difficulty}` : ""}
              {s.mine ? " · mine" : ""}
            </span>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {result.page > 1 ? <Link href={pageHref(result.page - 1)}>Previous</Link> : null}
          <span>
            Page {result.page} of {pages}
          </span>
          {result.page < pages ? <Link href={pageHref(result.page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
