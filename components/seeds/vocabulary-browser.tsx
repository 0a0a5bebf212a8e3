"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDebounced } from "@/components/data/use-debounced";
import { detailOf } from "@/components/data/api-fetch";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { TTermPage } from "@/lib/vocabulary/list-terms-page";
import { TERMS_PAGE_SIZE, VOCABULARY_KIND_LABEL, VOCABULARY_KINDS } from "@/lib/vocabulary/kinds";
import { fetchTerms, VOCABULARY_KEY, type TTermsQuery } from "./vocabulary-api";
import { VocabularyRetiredList } from "./vocabulary-retired-list";
import { VocabularyTermRow } from "./vocabulary-term-row";

const KIND_OPTIONS = [
  { value: "", label: "All kinds" },
  ...VOCABULARY_KINDS.map((k) => ({ value: k, label: `${VOCABULARY_KIND_LABEL[k]}s` })),
];
const PAGE_SIZE = TERMS_PAGE_SIZE;

/**
 * One searchable, server-paginated list of terms (live or retired). The server renders the first
 * page (`initial`), so the page is complete without a round trip; search and "Show more" read
 * GET /api/v1/vocabulary/terms, 50 at a time.
 */
export function VocabularyBrowser({ status, initial }: { status: "live" | "retired"; initial: TTermPage }) {
  const [q, setQ] = useState("");
  const [kind, setKind] = useState("");
  const query: TTermsQuery = { status, q: useDebounced(q.trim(), 250), kind, limit: PAGE_SIZE };
  const first = !query.q && !query.kind;
  const list = useInfiniteQuery({
    queryKey: [...VOCABULARY_KEY, "list", query],
    queryFn: ({ pageParam }) => fetchTerms(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(first ? { initialData: { pages: [initial], pageParams: [null] }, staleTime: 5_000 } : {}),
  });
  const terms = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  const what = status === "live" ? "terms" : "retired terms";
  return (
    <div className="space-y-3">
      <div className="grid gap-2 sm:grid-cols-[2fr_1fr]">
        <Field
          name={`search-${status}`}
          type="search"
          label={`Search ${what} (label or alias)`}
          compact
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <SelectField
          name={`kind-${status}`}
          label={status === "live" ? "Kind of terms" : "Kind of retired terms"}
          compact
          options={KIND_OPTIONS}
          value={kind}
          onChange={(e) => setKind(e.target.value)}
        />
      </div>
      <p className="text-xs text-muted" aria-live="polite" data-testid={`count-${status}`}>
        {list.isPending ? "Searching…" : `Showing ${terms.length} of ${total} ${what}`}
      </p>
      {list.isError ? (
        <Notice tone="error">{detailOf(list.error, "The terms could not be read")}</Notice>
      ) : null}
      {status === "live" ? (
        <ul className="divide-y text-sm" data-testid="terms-live">
          {terms.map((t) => (
            <VocabularyTermRow key={t.id} term={t} />
          ))}
        </ul>
      ) : (
        <VocabularyRetiredList terms={terms} />
      )}
      {list.hasNextPage ? (
        <Button
          variant="secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          Show {PAGE_SIZE} more {what}
        </Button>
      ) : null}
    </div>
  );
}
