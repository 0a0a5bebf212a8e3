"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZChangeOwnPassword } from "@/lib/users/schemas";

type TFields = { current: string; password: string; confirm: string };
const FIELDS = ["current", "password", "confirm"] as const;
const resolver = zodResolver(ZChangeOwnPassword, undefined, { raw: true }) as Resolver<TFields>;

export function PasswordForm() {
  const form = useForm<TFields>({ defaultValues: { current: "", password: "", confirm: "" }, resolver });
  const change = useMutation({
    mutationFn: (v: TFields) =>
      apiFetch<{ otherSessionsRevoked: number }>("/api/v1/me/password", { method: "PUT", body: v }),
    onSuccess: () => form.reset(),
    onError: (e) => applyFieldErrors(e, FIELDS, form.setError),
  });
  const { errors } = form.formState;
  const fieldRefusal = change.isError && Object.keys(errors).length > 0;
  return (
    <form onSubmit={form.handleSubmit((v) => change.mutate(v))} noValidate className="max-w-sm space-y-3">
      {change.isSuccess ? (
        <Notice tone="success">
          Password changed. {change.data.otherSessionsRevoked} other session(s) were signed out.
        </Notice>
      ) : null}
      {change.isError && !fieldRefusal ? (
        <Notice tone="error">{detailOf(change.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      <Field
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={messagesOf(errors, "current")}
        {...form.register("current")}
      />
      <NewPasswordFields
        repeatLabel="Repeat new password"
        errors={{ password: messagesOf(errors, "password"), confirm: messagesOf(errors, "confirm") }}
        inputProps={(n) => form.register(n)}
      />
      <Button type="submit" disabled={change.isPending}>
        Change password
      </Button>
    </form>
  );
}
