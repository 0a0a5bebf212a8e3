"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type TApiInit } from "@/components/data/api-fetch";
import type { TTermPage } from "@/lib/vocabulary/list-terms-page";

export const VOCABULARY_KEY = ["vocabulary"] as const;
export const TERMS_PATH = "/api/v1/vocabulary/terms";

export type TTermsQuery = { kind?: string; status?: "live" | "retired"; q?: string; limit?: number };

export function termsUrl(query: TTermsQuery, cursor?: string | null): string {
  const p = new URLSearchParams();
  if (query.kind) p.set("kind", query.kind);
  if (query.status) p.set("status", query.status);
  if (query.q) p.set("q", query.q);
  if (query.limit) p.set("limit", String(query.limit));
  if (cursor) p.set("cursor", cursor);
  return `${TERMS_PATH}?${p.toString()}`;
}

export const fetchTerms = (query: TTermsQuery, cursor?: string | null) =>
  apiFetch<TTermPage>(termsUrl(query, cursor));

/** A vocabulary write: after it, every list and typeahead of terms reads again. */
export function useVocabularyWrite<TIn, TOut = unknown>(request: (input: TIn) => [string, TApiInit]) {
  const client = useQueryClient();
  return useMutation<TOut, Error, TIn>({
    mutationFn: (input) => apiFetch<TOut>(...request(input)),
    onSuccess: () => client.invalidateQueries({ queryKey: VOCABULARY_KEY }),
  });
}
