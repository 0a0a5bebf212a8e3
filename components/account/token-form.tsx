"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZCreateApiToken } from "@/lib/users/schemas";

type TFields = { name: string; expiresInDays: string };
const resolver = zodResolver(ZCreateApiToken, undefined, { raw: true }) as Resolver<TFields>;

export function TokenForm() {
  const router = useRouter();
  const form = useForm<TFields>({ defaultValues: { name: "", expiresInDays: "90" }, resolver });
  const create = useMutation({
    mutationFn: (v: TFields) =>
      apiFetch<{ token: string; expiresAt: string | null }>("/api/v1/tokens", { method: "POST", body: v }),
    onSuccess: () => {
      form.reset();
      router.refresh();
    },
    onError: (e) => applyFieldErrors(e, ["name", "expiresInDays"], form.setError),
  });
  const { errors } = form.formState;
  const fieldRefusal = create.isError && Object.keys(errors).length > 0;
  return (
    <div className="space-y-3">
      <form
        onSubmit={form.handleSubmit((v) => create.mutate(v))}
        noValidate
        className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
      >
        <Field
          label="Token name"
          required
          errors={messagesOf(errors, "name")}
          placeholder="generation pipeline"
          {...form.register("name")}
        />
        <Field
          label="Expires in days (0 = never)"
          type="number"
          min={0}
          max={3650}
          errors={messagesOf(errors, "expiresInDays")}
          {...form.register("expiresInDays")}
        />
        <Button type="submit" disabled={create.isPending}>
          Create token
        </Button>
      </form>
      {create.isSuccess ? (
        <Notice tone="success" title="Copy your token now: it is shown only once">
          <Field
            name="newToken"
            label="New API token"
            hideLabel
            compact
            readOnly
            data-testid="new-token"
            value={create.data.token}
            wrapperClassName="mt-2"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="mt-1 text-xs">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code> on /api/v1.
          </p>
        </Notice>
      ) : null}
      {create.isError && !fieldRefusal ? (
        <Notice tone="error">{detailOf(create.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
    </div>
  );
}
