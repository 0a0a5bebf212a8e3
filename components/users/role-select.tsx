"use client";

import { useActionState } from "react";
import { changeRoleAction } from "@/lib/users/admin-actions";

export function RoleSelect({ userId, name, role, disabled }: { userId: string; name: string; role: string; disabled: boolean }) {
  const [state, action, pending] = useActionState(changeRoleAction, null);
  return (
    <form action={action} className="flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <label className="sr-only" htmlFor={`role-${userId}`}>
        Role of {name}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        disabled={disabled || pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded border border-slate-500 bg-white px-2 py-1 text-sm"
      >
        <option value="ADMIN">Admin</option>
        <option value="CLINICIAN">Clinician</option>
        <option value="RESEARCHER">Researcher</option>
      </select>
      <noscript>
        <button type="submit">Save role</button>
      </noscript>
      {state?.ok === false ? <span className="text-xs text-error">{state.message}</span> : null}
    </form>
  );
}
