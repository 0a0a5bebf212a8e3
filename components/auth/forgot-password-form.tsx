"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { type Resolver, useForm } from "react-hook-form";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { applyFieldErrors, messagesOf } from "@/components/data/server-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { ZRequestPasswordReset } from "@/lib/users/schemas";

type TFields = { email: string };
const resolver = zodResolver(ZRequestPasswordReset, undefined, { raw: true }) as Resolver<TFields>;

export function ForgotPasswordForm() {
  const form = useForm<TFields>({ defaultValues: { email: "" }, resolver });
  const request = useMutation({
    // The same answer for every address (lib/users/request-password-reset.ts).
    mutationFn: (v: TFields) =>
      apiFetch<{ message: string }>("/api/v1/password-resets", { method: "POST", body: v }),
    onError: (e) => applyFieldErrors(e, ["email"], form.setError),
  });
  if (request.isSuccess) return <Notice tone="success">{request.data.message}</Notice>;
  const { errors } = form.formState;
  const fieldRefusal = request.isError && Object.keys(errors).length > 0;
  return (
    <form onSubmit={form.handleSubmit((v) => request.mutate(v))} noValidate className="space-y-4">
      {request.isError && !fieldRefusal ? (
        <Notice tone="error">{detailOf(request.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      <Field
        label="E-mail"
        type="email"
        autoComplete="username"
        required
        errors={messagesOf(errors, "email")}
        {...form.register("email")}
      />
      <Button type="submit" disabled={request.isPending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
