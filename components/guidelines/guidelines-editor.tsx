"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type Resolver, useForm, useWatch } from "react-hook-form";
import { apiFetch, asApiError, detailOf } from "@/components/data/api-fetch";
import { messagesOf } from "@/components/data/server-form";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import {
  DEFINITION_MAX,
  GUIDELINES_MAX,
  ZSaveGuidelines,
  type TGuidelineHistory,
} from "@/lib/guidelines/schemas";
import { titleNamesModel } from "@/lib/studies/title-names-model";
import { GuidelinesBody } from "./guidelines-body";
import { guidelineKeys, guidelineUrls, type TGuidelineKind } from "./guideline-urls";

type TFields = { guidelines: string; definitions: Record<string, string>; baseVersion: number | null };
const resolver = zodResolver(ZSaveGuidelines, undefined, { raw: true }) as Resolver<TFields>;

/**
 * The admin's guidelines editor (issue 15 item 4): markdown guidelines and a definition per flag
 * or criterion; each save is a new version, and every earlier one stays readable below. For a
 * study, text that names one of its models is flagged as typed (`models`) and refused by the server.
 */
export function GuidelinesEditor({
  kind,
  ownerId,
  models = [],
}: {
  kind: TGuidelineKind;
  ownerId: string;
  models?: readonly string[];
}) {
  const urls = guidelineUrls(kind, ownerId);
  const history = useQuery({
    queryKey: guidelineKeys.versions(kind, ownerId),
    queryFn: () => apiFetch<TGuidelineHistory>(urls.versions),
  });
  if (history.isError)
    return <Notice tone="error">{detailOf(history.error, "Could not load the guidelines.")}</Notice>;
  if (!history.data) return <p className="text-sm text-muted">Loading guidelines…</p>;
  const latest = history.data.versions[0];
  return (
    <div className="space-y-4">
      {history.data.editable ? (
        <EditorForm
          key={latest?.version ?? 0}
          kind={kind}
          ownerId={ownerId}
          history={history.data}
          models={models}
        />
      ) : (
        <p className="text-sm text-muted">Closed: the guidelines can no longer change.</p>
      )}
      <VersionList kind={kind} history={history.data} />
    </div>
  );
}

function EditorForm({
  kind,
  ownerId,
  history,
  models,
}: {
  kind: TGuidelineKind;
  ownerId: string;
  history: TGuidelineHistory;
  models: readonly string[];
}) {
  const urls = guidelineUrls(kind, ownerId);
  const client = useQueryClient();
  const latest = history.versions[0];
  const form = useForm<TFields>({
    defaultValues: {
      guidelines: latest?.guidelines ?? "",
      definitions: Object.fromEntries(history.items.map((i) => [i.key, latest?.definitions[i.key] ?? ""])),
      baseVersion: latest?.version ?? null,
    },
    resolver,
  });
  const save = useMutation({
    mutationFn: (v: TFields) => apiFetch<{ version: number }>(urls.current, { method: "PUT", body: v }),
    onSuccess: () => client.invalidateQueries({ queryKey: guidelineKeys.versions(kind, ownerId) }),
    onError: (e) => {
      for (const [name, m] of Object.entries(asApiError(e).fieldErrors))
        if (name === "guidelines" || name.startsWith("definitions."))
          form.setError(name as "guidelines", { type: "server", message: m.join(" ") });
    },
  });
  const { errors } = form.formState;
  const text = useWatch({ control: form.control, name: "guidelines" });
  const named = kind === "study" ? titleNamesModel(text ?? "", models) : [];
  const defErrors = (key: string) => {
    const m = errors.definitions?.[key]?.message;
    return typeof m === "string" && m ? [m] : undefined;
  };
  return (
    <form
      onSubmit={form.handleSubmit((v) => save.mutate(v))}
      noValidate
      className="space-y-3"
      data-testid="guidelines-editor"
    >
      <p className="text-sm text-muted">
        {latest
          ? `Version ${latest.version} is current. Saving makes version ${latest.version + 1}; raters acknowledge it before their next item.`
          : "No guidelines yet. Raters acknowledge them before their first item."}
      </p>
      {save.isSuccess ? <Notice tone="success">Saved as version {save.data.version}.</Notice> : null}
      {save.isError && Object.keys(errors).length === 0 ? (
        <Notice tone="error">{detailOf(save.error, "Could not save the guidelines.")}</Notice>
      ) : null}
      <TextAreaField
        label="Guidelines for raters (markdown)"
        rows={8}
        maxLength={GUIDELINES_MAX}
        hint={
          named.length ? (
            <span className="text-warning" data-testid="guidelines-names-model">
              Raters read this, and it names {named.map((n) => `“${n}”`).join(", ")}: the save will be
              refused.
            </span>
          ) : (
            "Headings, lists and bold as in GitHub markdown."
          )
        }
        errors={messagesOf(errors, "guidelines")}
        {...form.register("guidelines")}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">
          {kind === "audit" ? "Definition of each error flag" : "Definition of each criterion"}
        </legend>
        {history.items.map((i) => (
          <TextAreaField
            key={i.key}
            label={i.label}
            rows={2}
            maxLength={DEFINITION_MAX}
            errors={defErrors(i.key)}
            {...form.register(`definitions.${i.key}`)}
          />
        ))}
      </fieldset>
      <Button type="submit" disabled={save.isPending} data-testid="guidelines-save">
        {save.isPending ? "Saving…" : "Save as a new version"}
      </Button>
    </form>
  );
}

function VersionList({ kind, history }: { kind: TGuidelineKind; history: TGuidelineHistory }) {
  if (!history.versions.length) return null;
  return (
    <div className="space-y-2" data-testid="guidelines-versions">
      <h3 className="text-sm font-semibold">Versions</h3>
      {history.versions.map((v) => (
        <details key={v.version} className="rounded border border-slate-200 p-2">
          <summary className="cursor-pointer text-sm">
            Version {v.version}, saved by {v.createdBy} on {new Date(v.createdAt).toLocaleString("en-GB")}
          </summary>
          <div className="mt-2">
            <GuidelinesBody
              guidelines={v.guidelines}
              items={history.items.map((i) => ({ ...i, definition: v.definitions[i.key] ?? "" }))}
              itemsTitle={kind === "audit" ? "Error flags" : "Criteria"}
            />
          </div>
        </details>
      ))}
    </div>
  );
}
