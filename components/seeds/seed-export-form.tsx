import { Button } from "@/components/ui/button";
import { CheckboxField, Field, SelectField } from "@/components/ui/field";
import { LICENCE_OPTIONS } from "@/components/exports/licence-options";
import { StoredExports } from "@/components/exports/stored-exports";
import { Card } from "@/components/ui/notice";
import type { TTermRef } from "@/lib/vocabulary/label-lookup";

const STATUS_OPTIONS = [
  { value: "approved", label: "approved" },
  { value: "submitted", label: "submitted" },
  { value: "changes_requested", label: "changes requested" },
  { value: "retired", label: "retired" },
];

/**
 * A plain GET form on the export route: the browser downloads the file itself (streamed, never
 * held in the page), and the route's own schema checks the filters. Researchers export approved
 * seeds only, so they are not offered the other statuses.
 */
export function SeedExportForm({ terms, approvedOnly }: { terms: TTermRef[]; approvedOnly: boolean }) {
  const termOptions = (kind: string) => [
    { value: "", label: "Any" },
    ...terms.filter((t) => t.kind === kind).map((t) => ({ value: t.id, label: t.label })),
  ];
  return (
    <Card title="Export seeds">
      <form
        method="get"
        action="/api/v1/seeds/export"
        className="grid gap-3 sm:grid-cols-3 lg:grid-cols-8 lg:items-end"
        aria-label="Export seeds"
        data-testid="seed-export-form"
      >
        <SelectField
          id="export-format"
          name="format"
          label="Format"
          compact
          defaultValue="json"
          options={[
            { value: "json", label: "JSON array (med_seed.json)" },
            { value: "jsonl", label: "JSON Lines" },
          ]}
          wrapperClassName="lg:col-span-2"
        />
        <SelectField
          id="export-status"
          name="status"
          label="Status"
          compact
          defaultValue="approved"
          options={approvedOnly ? STATUS_OPTIONS.slice(0, 1) : STATUS_OPTIONS}
        />
        <SelectField id="export-topic" name="topicId" label="Topic" compact options={termOptions("TOPIC")} />
        <SelectField id="export-type" name="typeId" label="Type" compact options={termOptions("TYPE")} />
        <SelectField
          id="export-difficulty"
          name="difficulty"
          label="Difficulty"
          compact
          options={[
            { value: "", label: "Any" },
            ...["1", "2", "3", "4", "5"].map((d) => ({ value: d, label: d })),
          ]}
        />
        <Field id="export-from" name="from" type="date" label="Written from" compact />
        <Field id="export-to" name="to" type="date" label="Written to" compact />
        <SelectField
          id="export-licence"
          name="licence"
          label="Licence"
          compact
          defaultValue=""
          options={LICENCE_OPTIONS}
          wrapperClassName="lg:col-span-2"
        />
        <CheckboxField
          id="export-bundle"
          name="bundle"
          value="1"
          label="Bundle: zip with manifest.json and README.md (dataset card)"
          wrapperClassName="sm:col-span-2 lg:col-span-6"
        />
        <Button type="submit" className="sm:col-span-3 lg:col-span-8 lg:justify-self-start">
          Download
        </Button>
      </form>
      <StoredExports sourceType="seeds" />
    </Card>
  );
}
