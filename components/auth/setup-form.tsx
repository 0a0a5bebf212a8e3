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
import { ZCreateFirstAdmin } from "@/lib/users/schemas";

type TFields = { name: string; email: string; password: string; confirm: string };
const FIELDS = ["name", "email", "password", "confirm"] as const;
const resolver = zodResolver(ZCreateFirstAdmin, undefined, { raw: true }) as Resolver<TFields>;

export function SetupForm() {
  const form = useForm<TFields>({
    defaultValues: { name: "", email: "", password: "", confirm: "" },
    resolver,
  });
  const setup = useMutation({
    mutationFn: (v: TFields) => apiFetch<unknown>("/api/v1/setup", { method: "POST", body: v }),
    onError: (e) => applyFieldErrors(e, FIELDS, form.setError),
  });
  if (setup.isSuccess) {
    return (
      <Notice tone="success" title="The first admin account is ready">
        <Link className="underline" href="/signin">
          Sign in
        </Link>{" "}
        to invite your team.
      </Notice>
    );
  }
  const { errors } = form.formState;
  return (
    <form onSubmit={form.handleSubmit((v) => setup.mutate(v))} noValidate className="space-y-4">
      {setup.isError ? (
        <Notice tone="error">{detailOf(setup.error, "Something went wrong. Try again.")}</Notice>
      ) : null}
      <Field
        label="Your name"
        autoComplete="name"
        required
        errors={messagesOf(errors, "name")}
        {...form.register("name")}
      />
      <Field
        label="E-mail"
        type="email"
        autoComplete="username"
        required
        errors={messagesOf(errors, "email")}
        {...form.register("email")}
      />
      <NewPasswordFields
        label="Password"
        errors={{ password: messagesOf(errors, "password"), confirm: messagesOf(errors, "confirm") }}
        required
        inputProps={(n) => form.register(n)}
      />
      <Button type="submit" disabled={setup.isPending} className="w-full">
        Create admin account
      </Button>
    </form>
  );
}
