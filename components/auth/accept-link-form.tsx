"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { acceptLinkAction } from "@/lib/users/public-actions";

export function AcceptLinkForm({
  token,
  email,
  askName,
}: {
  token: string;
  email: string;
  askName: boolean;
}) {
  const [state, action, pending] = useActionState(acceptLinkAction, null);
  if (state?.ok) {
    return (
      <Notice tone="success" title={askName ? "Your account is ready" : "Your password is changed"}>
        <Link className="underline" href="/signin">
          Sign in
        </Link>{" "}
        with {email}.
      </Notice>
    );
  }
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      {state?.ok === false ? <Notice tone="error">{state.message}</Notice> : null}
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-700">
        Account: <strong>{email}</strong>
      </p>
      {askName ? (
        <Field
          label="Your name"
          name="name"
          autoComplete="name"
          defaultValue={v?.name}
          required
          errors={fe?.name}
        />
      ) : null}
      <NewPasswordFields errors={fe} required />
      <Button type="submit" disabled={pending} className="w-full">
        {askName ? "Create my account" : "Set new password"}
      </Button>
    </form>
  );
}
