"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { setupAction } from "@/lib/users/public-actions";

export function SetupForm() {
  const [state, action, pending] = useActionState(setupAction, null);
  if (state?.ok) {
    return (
      <Notice tone="success" title="The first admin account is ready">
        <Link className="underline" href="/signin">
          Sign in
        </Link>{" "}
        to invite your team.
      </Notice>
    );
  }
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      {state?.ok === false ? <Notice tone="error">{state.message}</Notice> : null}
      <Field
        label="Your name"
        name="name"
        autoComplete="name"
        defaultValue={v?.name}
        required
        errors={fe?.name}
      />
      <Field
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={v?.email}
        required
        errors={fe?.email}
      />
      <NewPasswordFields label="Password" errors={fe} required />
      <Button type="submit" disabled={pending} className="w-full">
        Create admin account
      </Button>
    </form>
  );
}
