"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { changePasswordAction } from "@/lib/users/account-actions";

export function PasswordForm() {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  return (
    <form action={action} noValidate className="max-w-sm space-y-3">
      {state?.ok ? (
        <Notice tone="success">
          Password changed. {state.data.otherSessionsRevoked} other session(s) were signed out.
        </Notice>
      ) : null}
      {state?.ok === false && !fe ? <Notice tone="error">{state.message}</Notice> : null}
      <Field
        label="Current password"
        name="current"
        type="password"
        autoComplete="current-password"
        errors={fe?.current}
      />
      <NewPasswordFields repeatLabel="Repeat new password" errors={fe} />
      <Button type="submit" disabled={pending}>
        Change password
      </Button>
    </form>
  );
}
