"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { createTokenAction } from "@/lib/users/account-actions";

export function TokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <div className="space-y-3">
      <form action={action} noValidate className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field
          label="Token name"
          name="name"
          required
          defaultValue={v?.name}
          errors={fe?.name}
          placeholder="generation pipeline"
        />
        <Field
          label="Expires in days (0 = never)"
          name="expiresInDays"
          type="number"
          min={0}
          max={3650}
          defaultValue={90}
          errors={fe?.expiresInDays}
        />
        <Button type="submit" disabled={pending}>
          Create token
        </Button>
      </form>
      {state?.ok ? (
        <Notice tone="success" title="Copy your token now: it is shown only once">
          <Field
            name="newToken"
            label="New API token"
            hideLabel
            compact
            readOnly
            data-testid="new-token"
            value={state.data.token}
            wrapperClassName="mt-2"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="mt-1 text-xs">
            Use it as <code>Authorization: Bearer &lt;token&gt;</code> on /api/v1.
          </p>
        </Notice>
      ) : null}
      {state?.ok === false && !fe ? <Notice tone="error">{state.message}</Notice> : null}
    </div>
  );
}
