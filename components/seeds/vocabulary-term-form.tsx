"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { apiFetch, asApiError, type TApiInit } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { VOCABULARY_KEY } from "./vocabulary-api";

/** The request a form's fields stand for: [url, init]. */
export type TFormRequest = (form: FormData) => [string, TApiInit];

/**
 * One small vocabulary form: the caller's inputs, a button and its outcome (field errors included),
 * sent to /api/v1 through TanStack Query; a success makes every term list read again.
 */
export function VocabularyTermForm({
  request,
  submit,
  submitLabel,
  done,
  children,
  variant = "secondary",
}: {
  request: TFormRequest;
  submit: string;
  /** Accessible name when the visible text is ambiguous on a long list. */
  submitLabel?: string;
  done: string;
  children?: (errors: Record<string, string[]> | undefined) => ReactNode;
  variant?: "secondary" | "danger";
}) {
  const client = useQueryClient();
  const m = useMutation({
    mutationFn: (form: FormData) => apiFetch<unknown>(...request(form)),
    onSuccess: () => client.invalidateQueries({ queryKey: VOCABULARY_KEY }),
  });
  const err = m.error ? asApiError(m.error) : null;
  const errors = err && Object.keys(err.fieldErrors).length ? err.fieldErrors : undefined;
  return (
    <form
      noValidate
      className="flex flex-wrap items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        m.mutate(new FormData(e.currentTarget));
      }}
    >
      {children?.(errors)}
      <Button
        type="submit"
        variant={variant}
        className="px-2 py-1 text-xs"
        disabled={m.isPending}
        aria-label={submitLabel}
      >
        {submit}
      </Button>
      <span aria-live="polite" className="text-xs">
        {err && !errors ? <span className="text-error">{err.message}</span> : null}
        {m.isSuccess ? <span className="text-success">{done}</span> : null}
      </span>
    </form>
  );
}

/** A term's API address, or one of its actions' ("/aliases", "/retire", …). */
export const termUrl = (id: string, rest = "") => `/api/v1/vocabulary/terms/${id}${rest}`;

/** A text field of a form, or "" when absent. */
export const textOf = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
