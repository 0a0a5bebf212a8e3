"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { issueResetAction } from "@/lib/users/admin-actions";

export function ResetLinkButton({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(issueResetAction, null);
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Button type="submit" variant="secondary" disabled={pending} className="px-2 py-1 text-xs">
        Reset link
      </Button>
      {state?.ok ? (
        <Field
          id={`reset-link-${userId}`}
          name="resetLink"
          label="Password reset link"
          hideLabel
          compact
          readOnly
          value={state.data.url}
          wrapperClassName="w-56"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {state?.ok === false ? <span className="text-xs text-error">{state.message}</span> : null}
    </form>
  );
}
