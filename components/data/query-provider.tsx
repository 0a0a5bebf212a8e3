"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "./api-fetch";

/**
 * The one TanStack Query client of the page. Refusals (4xx) are answers, not blips: only no answer
 * or a 5xx is retried, once. Mutations are never retried here: a save decides itself (Idempotency-Key).
 */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            retry: (count, e) => count < 1 && (!(e instanceof ApiError) || e.isNetwork || e.status >= 500),
          },
          mutations: { retry: false },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
