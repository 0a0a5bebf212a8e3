import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Card } from "@/components/ui/notice";
import type { listSeeds } from "@/lib/seeds/list-seeds";
import type { TTermRef } from "@/lib/vocabulary/label-lookup";
import { ageLabel } from "./age-label";
import { SeedExportForm } from "./seed-export-form";
import { SeedStatusBadge } from "./seed-status-badge";

const STATUSES = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "APPROVED", "RETIRED"];

export function SeedList({
  result,
  terms,
  values,
  canWrite,
  canExport,
  canReview,
  approvedOnly,
  now,
  canImport = false,
}: {
  result: Awaited<ReturnType<typeof listSeeds>>;
  terms: TTermRef[];
  values: Record<string, string>;
  canWrite: boolean;
  canExport: boolean;
  canReview: boolean;
  approvedOnly: boolean;
  now: Date;
  canImport?: boolean;
}) {
  const inbox = values.review === "mine";
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
        <h1 className="text-2xl font-bold">{inbox ? "Seeds that need my review" : "Seed tasks"}</h1>
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
      </div>
      {canReview ? (
        <nav aria-label="Seed views" className="flex flex-wrap gap-4 text-sm">
          <Link
            href="/seeds"
            aria-current={inbox ? undefined : "page"}
            className={inbox ? "underline" : "font-semibold"}
          >
            All seeds
          </Link>
          <Link
            href="/seeds?review=mine"
            aria-current={inbox ? "page" : undefined}
            className={inbox ? "font-semibold" : "underline"}
          >
            Needs my review
          </Link>
        </nav>
      ) : null}
      <Card>
        <form method="get" className="grid gap-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end" role="search">
          {inbox ? <input type="hidden" name="review" value="mine" /> : null}
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
          {select("sort", "Sort by age", [
            { value: "oldest", label: "oldest first" },
            { value: "newest", label: "newest first" },
          ])}
          <Button type="submit" className="lg:col-start-8">
            Filter
          </Button>
        </form>
      </Card>
      <p className="text-sm text-slate-600" aria-live="polite">
        {inbox ? `${result.total} seeds need your review` : `${result.total} seeds`}
      </p>
      <div
        aria-hidden="true"
        className="hidden gap-3 px-3 text-xs font-semibold text-slate-600 sm:grid sm:grid-cols-[7rem_1fr_9rem_5rem]"
      >
        <span>Status</span>
        <span>Task</span>
        <span>Author</span>
        <span>Age</span>
      </div>
      <ul className="divide-y rounded-lg border bg-white" data-testid="seed-list">
        {result.seeds.map((s) => (
          <li
            key={s.id}
            className="grid grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 p-3 text-sm sm:grid-cols-[7rem_1fr_9rem_5rem]"
            data-testid="seed-row"
          >
            <SeedStatusBadge status={s.status} />
            <span className="min-w-0">
              <Link href={`/seeds/${s.id}`} className="break-words underline">
                {s.instruction.slice(0, 160) || "(empty draft)"}
              </Link>
              <span className="block text-xs text-slate-600">
                {[s.topic, s.type, s.view].filter(Boolean).join(" · ")}{" "}
                {s.difficulty ? `· level ${s.difficulty}` : ""}
              </span>
            </span>
            <span
              className="col-start-2 min-w-0 break-words text-xs sm:col-start-auto sm:text-sm"
              data-testid="seed-author"
            >
              <span className="sm:sr-only">Author: </span>
              {s.mine ? `${s.author} (you)` : s.author}
            </span>
            <span className="col-start-2 text-xs sm:col-start-auto sm:text-sm" data-testid="seed-age">
              <span className="sm:sr-only">Age: </span>
              <time dateTime={s.since} title={s.since}>
                {ageLabel(s.since, now)}
              </time>
            </span>
          </li>
        ))}
      </ul>
      {inbox && result.total === 0 ? (
        <p className="text-sm text-slate-600">Nothing waits for your review.</p>
      ) : null}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-3 text-sm">
          {result.page > 1 ? <Link href={pageHref(result.page - 1)}>Previous</Link> : null}
          <span>
            Page {result.page} of {pages}
          </span>
          {result.page < pages ? <Link href={pageHref(result.page + 1)}>Next</Link> : null}
        </nav>
      ) : null}
      {canExport ? <SeedExportForm terms={terms} approvedOnly={approvedOnly} /> : null}
    </div>
  );
}
