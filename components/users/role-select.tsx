"use client";

import { useActionState } from "react";
import { SelectField } from "@/components/ui/field";
import { changeRoleAction } from "@/lib/users/admin-actions";

const ROLES = [
  { value: "ADMIN", label: "Admin" },
  { value: "CLINICIAN", label: "Clinician" },
  { value: "RESEARCHER", label: "Researcher" },
];

export function RoleSelect({
  userId,
  name,
  role,
  disabled,
}: {
  userId: string;
  name: string;
  role: string;
  disabled: boolean;
}) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <SelectField
        id={`role-${userId}`}
        name="role"
        label={`Role of ${name}`}
        hideLabel
        compact
        defaultValue={role}
        disabled={disabled || pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        options={ROLES}
        errors={state?.ok === false ? [state.message] : undefined}
      />
      <noscript>
        <button type="submit">Save role</button>
      </noscript>
    </form>
  );
}
