"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { inviteUserAction } from "@/lib/users/admin-actions";

const ROLES = [
  { value: "CLINICIAN", label: "Clinician" },
  { value: "RESEARCHER", label: "Researcher" },
  { value: "ADMIN", label: "Admin" },
];

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteUserAction, null);
  const fe = state?.ok === false ? state.fieldErrors : undefined;
  const v = state?.ok === false ? state.values : undefined;
  return (
    <div className="space-y-4">
      <form action={action} noValidate className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
        <Field
          label="E-mail address"
          name="email"
          type="email"
          required
          defaultValue={v?.email}
          errors={fe?.email}
        />
        <SelectField label="Role" name="role" options={ROLES} defaultValue={v?.role} errors={fe?.role} />
        <Button type="submit" disabled={pending}>
          Invite
        </Button>
      </form>
      {state?.ok === false && !fe ? <Notice tone="error">{state.message}</Notice> : null}
      {state?.ok ? (
        <Notice tone="success" title={`Invitation for ${state.data.email}`}>
          <p>
            {state.data.mailed ? "It was e-mailed. " : "No mail was sent (no SMTP configured): "}
            Copy this single-use link to the invitee. It expires{" "}
            {new Date(state.data.expiresAt).toLocaleString()}.
          </p>
          <Field
            name="inviteLink"
            label="Invitation link"
            hideLabel
            compact
            readOnly
            data-testid="invite-link"
            value={state.data.url}
            wrapperClassName="mt-2"
            className="font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
        </Notice>
      ) : null}
    </div>
  );
}
