"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { asApiError } from "@/components/data/api-fetch";
import { apiUpload } from "@/components/data/api-upload";
import { Button } from "@/components/ui/button";
import { Field, FileField, SelectField } from "@/components/ui/field";
import { LICENCE_OPTIONS } from "@/components/exports/licence-options";
import { ImportProgress, useImportProgress } from "@/components/ui/import-progress";
import type { TFieldMapping } from "@/lib/datasets/field-mapping";
import { ZImportQuery } from "@/lib/datasets/schemas";
import {
  SNIFF_BYTES,
  sniffConversationFields,
  sniffFields,
  suggestMapping,
} from "@/lib/datasets/sniff-fields";

type TImported = { id: string; count: number; duplicates: number };
type TProblem = {
  detail?: string;
  invalid?: { line?: number; item?: number; reason: string }[];
  errors?: Record<string, string[]>;
};

const EMPTY = "The file is empty: it holds no records.";
const FIELD_NAMES: Record<string, string> = {
  name: "Name",
  instructionField: "Instruction field",
  inputField: "Input field",
  outputField: "Output field",
  conversationField: "Conversation field",
};
const ROLES = [
  { role: "instruction", label: "Instruction field" },
  { role: "input", label: "Input field" },
  { role: "output", label: "Output field" },
] as const;

/**
 * Streams the file to the import API (not a server action: those buffer the body) with progress.
 * The file's fields are read from its first records only (a 50k-record file is never read whole
 * here), so the admin can say which holds the instruction, the input and the output.
 */
export function UploadForm() {
  const router = useRouter();
  const progress = useImportProgress();
  const [error, setError] = useState<TProblem | null>(null);
  const [keys, setKeys] = useState<string[]>([]);
  const [mapping, setMapping] = useState<TFieldMapping | null>(null);
  // Fields of the file holding chat turns, and the one chosen ("" reads fields, not turns).
  const [turnFields, setTurnFields] = useState<string[]>([]);
  const [conversationField, setConversationField] = useState("");

  const onFile = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    setError(null);
    progress.reset();
    setKeys([]);
    setMapping(null);
    setTurnFields([]);
    setConversationField("");
    if (!file) return;
    if (file.size === 0) return setError({ detail: EMPTY });
    const head = await file.slice(0, SNIFF_BYTES).text();
    const sniffed = sniffFields(head, file.size <= SNIFF_BYTES);
    if (sniffed.empty) return setError({ detail: EMPTY });
    setKeys(sniffed.keys);
    if (sniffed.keys.length) setMapping(suggestMapping(sniffed.keys));
    const chats = sniffConversationFields(head, file.size <= SNIFF_BYTES);
    setTurnFields(chats);
    setConversationField(chats[0] ?? "");
  };

  const upload = useMutation({
    mutationFn: ({ file, query }: { file: File; query: Record<string, string> }) =>
      apiUpload<TImported>({
        url: `/api/v1/datasets?${new URLSearchParams(query).toString()}`,
        file,
        contentType: file.name.endsWith(".json") ? "application/json" : "application/x-ndjson",
        onProgress: progress.track,
      }),
    onMutate: ({ file }) => {
      setError(null);
      progress.uploading(0, file.size);
    },
    onSuccess: (body, { query }) => {
      progress.done(`Imported ${body.count} records (${body.duplicates} duplicates skipped).`, [
        { label: "Dataset", value: query.name ?? "" },
        { label: "Records", value: body.count },
        { label: "Duplicates skipped", value: body.duplicates },
        ...(query.outputField ? [{ label: "Output field", value: query.outputField }] : []),
        ...(query.conversationField ? [{ label: "Conversation field", value: query.conversationField }] : []),
      ]);
      router.refresh();
    },
    // The problem body as it came: its `invalid` lines and field errors are listed below.
    onError: (e) => {
      progress.reset();
      const err = asApiError(e);
      setError(err.isNetwork ? { detail: err.message } : { detail: err.message, ...err.body });
    },
  });

  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const file = form.get("file");
    const rawName = form.get("name");
    const rawLicence = form.get("licence");
    const licence = typeof rawLicence === "string" ? rawLicence : "";
    const name = typeof rawName === "string" ? rawName.trim() : "";
    if (!(file instanceof File) || file.name === "") return setError({ detail: "Choose a file" });
    if (file.size === 0) return setError({ detail: EMPTY });
    if (!conversationField && mapping && !mapping.output)
      return setError({ detail: "Choose which field holds the output: every record needs one." });
    const fields: Record<string, string> = conversationField
      ? { conversationField }
      : mapping
        ? { instructionField: mapping.instruction, inputField: mapping.input, outputField: mapping.output }
        : {};
    const query = { name: name || file.name, ...(licence ? { licence } : {}), ...fields };
    // The API's own rules on the name and the mapping, before a byte is sent.
    const checked = ZImportQuery.safeParse(query);
    if (!checked.success) {
      const errors: Record<string, string[]> = {};
      for (const i of checked.error.issues) (errors[i.path.join(".")] ??= []).push(i.message);
      return setError({ detail: "Some fields need attention", errors });
    }
    upload.mutate({ file, query });
  };

  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Import a dataset">
      <Field id="dataset-name" name="name" label="Name" compact maxLength={200} />
      <SelectField
        id="dataset-licence"
        name="licence"
        label="Licence (goes into every export's manifest and dataset card)"
        compact
        defaultValue=""
        options={LICENCE_OPTIONS}
      />
      <FileField
        id="dataset-file"
        name="file"
        label="File (JSONL or a JSON array of objects; every record needs an output)"
        accept=".jsonl,.json,.ndjson"
        onChange={(e) => void onFile(e)}
      />
      {turnFields.length ? (
        <SelectField
          id="mapping-conversation"
          name="mapping-conversation"
          label="Conversation field (records are chats: the last assistant turn is the output under review)"
          compact
          value={conversationField}
          onChange={(e) => setConversationField(e.target.value)}
        >
          {turnFields.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
          <option value="">(none: read instruction, input and output fields)</option>
        </SelectField>
      ) : null}
      {mapping && !conversationField ? (
        <fieldset className="grid gap-2 sm:grid-cols-3" data-testid="field-mapping">
          <legend className="mb-1 text-sm font-medium">
            Which field is which (read from the file&apos;s first records)
          </legend>
          {ROLES.map(({ role, label }) => (
            <SelectField
              key={role}
              id={`mapping-${role}`}
              name={`mapping-${role}`}
              label={label}
              compact
              value={mapping[role]}
              onChange={(e) => setMapping({ ...mapping, [role]: e.target.value })}
            >
              {role === "input" ? <option value="">(none)</option> : null}
              {role === "output" && !mapping.output ? <option value="">Choose…</option> : null}
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </SelectField>
          ))}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={progress.busy}>
        Import
      </Button>
      <ImportProgress status={progress.status} />
      {error ? (
        <div role="alert" className="text-sm text-error" data-testid="import-error">
          <p>{error.detail}</p>
          {error.errors
            ? Object.entries(error.errors).map(([k, v]) => (
                <p key={k}>
                  {FIELD_NAMES[k] ?? k}: {v.join("; ")}
                </p>
              ))
            : null}
          {error.invalid ? (
            <ul className="list-disc pl-5">
              {error.invalid.map((x, i) => (
                <li key={i}>
                  {x.line !== undefined ? `Line ${x.line}` : `Item ${x.item ?? "?"}`}: {x.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
