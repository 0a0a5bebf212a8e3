"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ResetLinkButton({ userId }: { userId: string }) {
  const reset = useMutation({
    mutationFn: () =>
      apiFetch<{ url: string }>(`/api/v1/users/${encodeURIComponent(userId)}/reset-link`, { method: "POST" }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        reset.mutate();
      }}
      className="inline-flex flex-col gap-1"
    >
      <Button type="submit" variant="secondary" disabled={reset.isPending} className="px-2 py-1 text-xs">
        Reset link
      </Button>
      {reset.isSuccess ? (
        <Field
          id={`reset-link-${userId}`}
          name="resetLink"
          label="Password reset link"
          hideLabel
          compact
          readOnly
          value={reset.data.url}
          wrapperClassName="w-56"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
      ) : null}
      {reset.isError ? (
        <span className="text-xs text-error">
          {detailOf(reset.error, "Something went wrong. Try again.")}
        </span>
      ) : null}
    </form>
  );
}
