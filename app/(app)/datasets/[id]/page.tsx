import Link from "next/link";
import { Card } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RecordList } from "@/components/datasets/record-list";
import { requirePagePermission } from "@/lib/auth/current-user";
import { browseRecords } from "@/lib/datasets/browse-records";
import { getDataset } from "@/lib/datasets/list-datasets";
import { ZBrowseQuery, ZDatasetParams } from "@/lib/datasets/schemas";
import { findOr404, parseOr404 } from "@/lib/http/find-or-404";

export const metadata = { title: "Dataset" };

export default async function DatasetPage(props: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = parseOr404(ZDatasetParams, await props.params);
  await requirePagePermission("datasets:read", `/datasets/${id}`);
  const query = ZBrowseQuery.catch({ page: 1, pageSize: 20 }).parse(await props.searchParams);
  const dataset = await findOr404(getDataset(id));
  const { total, records } = await browseRecords(dataset.id, query);
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const href = (page: number) =>
    `/datasets/${dataset.id}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) }).toString()}`;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{dataset.name}</h1>
      <Card title="Summary">
        <p className="text-sm">
          {dataset.count.toLocaleString("en")} records · {dataset.duplicates} exact duplicates skipped ·{" "}
          {dataset.conversationShape
            ? `conversations (${dataset.conversationShape === "messages" ? "OpenAI messages" : "ShareGPT conversations"}; the final assistant turn is the output)`
            : "fields: instruction, input, output"}
          {dataset.fields.length ? `, ${dataset.fields.join(", ")}` : ""}
        </p>
      </Card>
      <Card title="Browse">
        <form className="mb-3 flex gap-2" role="search">
          <Field
            name="q"
            label="Search"
            hideLabel
            compact
            wrapperClassName="w-full"
            defaultValue={query.q ?? ""}
            placeholder="Search the text"
          />
          <Button type="submit" className="px-3 py-1">
            Search
          </Button>
        </form>
        <p className="mb-2 text-xs text-slate-600" data-testid="record-total">
          {total} matching · page {query.page} of {pages}
        </p>
        <RecordList records={records} />
        <nav className="mt-3 flex gap-3 text-sm" aria-label="Pages">
          {query.page > 1 ? <Link href={href(query.page - 1)}>Previous</Link> : null}
          {query.page < pages ? <Link href={href(query.page + 1)}>Next</Link> : null}
        </nav>
      </Card>
    </div>
  );
}
