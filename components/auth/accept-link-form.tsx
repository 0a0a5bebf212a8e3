"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZAcceptLink } from "@/lib/users/schemas";

type TFields = { token: string; name?: string; password: string; confirm: string };
const FIELDS = ["name", "password", "confirm"] as const;
const resolver = zodResolver(ZAcceptLink, undefined, { raw: true }) as Resolver<TFields>;

export function AcceptLinkForm({
  token,
  email,
  askName,
}: {
  token: string;
  email: string;
  askName: boolean;
}) {
  const form = useForm<TFields>({
    // A reset asks no name: the field is absent, not empty.
    defaultValues: { token, ...(askName ? { name: "" } : {}), password: "", confirm: "" },
    resolver,
  });
  const accept = useMutation({
    mutationFn: (v: TFields) =>
      apiFetch<{ kind: string }>("/api/v1/account-links/accept", { method: "POST", body: v }),
    onError: (e) => applyFieldErrors(e, FIELDS, form.setError),
  });
  if (accept.isSuccess) {
    return (
      <Notice tone="success" title={askName ? "Your account is ready" : "Your password is changed"}>
        <Link className="underline" href="/signin">
          Sign in
        </Link>{" "}
        with {email}.
      </Notice>
    );
  }
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => accept.mutate(v))} noValidate className="space-y-4">
      {accept.isError ? (
        <Notice tone="error">{detailOf(accept.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      <p className="text-sm text-slate-700">
        Account: <strong>{email}</strong>
      </p>
      {askName ? (
        <Field
          label="Your name"
          autoComplete="name"
          required
          errors={messagesOf(errors, "name")}
          {...form.register("name")}
        />
      ) : null}
      <NewPasswordFields
        errors={{ password: messagesOf(errors, "password"), confirm: messagesOf(errors, "confirm") }}
        required
        inputProps={(n) => form.register(n)}
      />
      <Button type="submit" disabled={accept.isPending} className="w-full">
        {askName ? "Create my account" : "Set new password"}
      </Button>
    </form>
  );
}
