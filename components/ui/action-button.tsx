"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch, detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";

/**
 * A one-button call to an /api/v1 route, with its outcome announced next to it. `url` may name
 * `fields` as `:name`; they travel as hidden inputs and are read from the form when it is sent.
 * On success the page's server data is read again (router.refresh) unless `refresh` is false.
 */
export function ActionButton({
  url,
  method = "POST",
  fields = {},
  label,
  variant = "secondary",
  confirm,
  done,
  refresh = true,
}: {
  url: string;
  method?: "POST" | "DELETE";
  fields?: Record<string, string>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  done?: string;
  refresh?: boolean;
}) {
  const router = useRouter();
  const call = useMutation({
    mutationFn: (target: string) => apiFetch<unknown>(target, { method }),
    onSuccess: () => {
      if (refresh) router.refresh();
    },
  });
  return (
    <form
      className="inline-flex items-center gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirm && !window.confirm(confirm)) return;
        const form = new FormData(e.currentTarget);
        call.mutate(
          url.replace(/:(\w+)/g, (_m, k: string) => {
            const v = form.get(k);
            return encodeURIComponent(typeof v === "string" ? v : "");
          }),
        );
      }}
    >
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} disabled={call.isPending} className="px-2 py-1 text-xs">
        {label}
      </Button>
      <span aria-live="polite" className="text-xs">
        {call.isError ? (
          <span className="text-error">{detailOf(call.error, "Something went wrong. Try again.")}</span>
        ) : null}
        {call.isSuccess && done ? <span className="text-success">{done}</span> : null}
      </span>
    </form>
  );
}
