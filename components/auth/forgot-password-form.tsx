"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { requestPasswordResetAction } from "@/lib/users/request-password-reset-action";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetAction, null);
  if (state?.ok) return <Notice tone="success">{state.data.message}</Notice>;
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="space-y-4">
      {state?.ok === false && !fe ? <Notice tone="error">{state.message}</Notice> : null}
      <Field
        label="E-mail"
        name="email"
        type="email"
        autoComplete="username"
        defaultValue={state?.ok === false ? state.values?.email : undefined}
        required
        errors={fe?.email}
      />
      <Button type="submit" disabled={pending} className="w-full">
        Send reset link
      </Button>
    </form>
  );
}
