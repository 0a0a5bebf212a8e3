"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { Button } from "@/components/ui/button";
import { CheckboxField, Field, FieldErrors } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { ZCreateWebhook } from "@/lib/webhooks/schemas";
import { webhooksKey } from "./webhook-api";

type TFields = { url: string; events: string[] };
const FIELDS = ["url", "events"] as const;
const resolver = zodResolver(ZCreateWebhook, undefined, { raw: true }) as Resolver<TFields>;

/** Registers an endpoint; the answer's secret is shown here once, for the admin to copy. */
export function CreateWebhookForm({ allowedHosts }: { allowedHosts: string[] }) {
  const queryClient = useQueryClient();
  const form = useForm<TFields>({ defaultValues: { url: "", events: [] }, resolver });
  const create = useMutation({
    mutationFn: (v: TFields) =>
      apiFetch<{ webhook: { url: string }; secret: string }>("/api/v1/webhooks", { method: "POST", body: v }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: webhooksKey });
    },
    onError: (e) => applyFieldErrors(e, FIELDS, form.setError),
  });
  const { errors } = form.formState;
  const fieldRefusal = create.isError && Object.keys(errors).length > 0;
  const hosts = allowedHosts.length
    ? `Allowed hosts: ${allowedHosts.join(", ")}`
    : "No host is allowed yet: the operator sets WEBHOOK_ALLOWED_HOSTS.";
  return (
    <form onSubmit={form.handleSubmit((v) => create.mutate(v))} noValidate className="space-y-3">
      {create.isSuccess ? (
        <Notice tone="success" title="Endpoint registered">
          <p>Its signing secret, shown only now: copy it into the pipeline.</p>
          <code
            className="mt-1 block break-all rounded bg-white p-2 font-mono text-xs text-slate-900"
            data-testid="webhook-secret"
          >
            {create.data.secret}
          </code>
        </Notice>
      ) : null}
      {create.isError && !fieldRefusal ? (
        <Notice tone="error">{detailOf(create.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      <Field
        label="Receiver URL"
        type="url"
        inputMode="url"
        placeholder="https://pipelines.example.org/clinreview"
        hint={hosts}
        errors={messagesOf(errors, "url")}
        {...form.register("url")}
      />
      <fieldset className="space-y-1" aria-describedby={errors.events ? "f-events-error" : undefined}>
        <legend className="text-sm font-medium">Events</legend>
        {WEBHOOK_EVENTS.filter((e) => e !== "webhook.test").map((e) => (
          <CheckboxField
            key={e}
            value={e}
            label={
              <span>
                {WEBHOOK_EVENT_LABELS[e]} <code className="text-xs text-muted">{e}</code>
              </span>
            }
            {...form.register("events")}
          />
        ))}
        <FieldErrors id="f-events" errors={messagesOf(errors, "events")} />
      </fieldset>
      <Button type="submit" disabled={create.isPending}>
        Register endpoint
      </Button>
    </form>
  );
}
