"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { SelectField } from "@/components/ui/field";

const ROLES = [
  { value: "ADMIN", label: "Admin" },
  { value: "CLINICIAN", label: "Clinician" },
  { value: "RESEARCHER", label: "Researcher" },
];

/** Changes the role as soon as another is chosen. */
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
  const router = useRouter();
  const change = useMutation({
    mutationFn: (next: string) =>
      apiFetch<null>(`/api/v1/users/${encodeURIComponent(userId)}/role`, {
        method: "PUT",
        body: { role: next },
      }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-1">
      <SelectField
        id={`role-${userId}`}
        name="role"
        label={`Role of ${name}`}
        hideLabel
        compact
        defaultValue={role}
        disabled={disabled || change.isPending}
        onChange={(e) => change.mutate(e.currentTarget.value)}
        options={ROLES}
        errors={change.isError ? [detailOf(change.error, "Something went wrong. Try again.")] : undefined}
      />
    </div>
  );
}
