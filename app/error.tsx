"use client";

import Link from "next/link";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/database-unavailable";

// Only the digest (an opaque id that matches the server log line) is shown: never the message or stack.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  // The server answered 503 with Retry-After (lib/http/peer-address.ts); the digest says why.
  if (error.digest === DATABASE_UNAVAILABLE_DIGEST) {
    return (
      <main className="mx-auto max-w-md px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">Database unavailable</h1>
        <p className="mt-2 text-slate-700">
          ClinReview cannot reach its database just now. Nothing you entered was lost: try again in a minute.
        </p>
        <div className="mt-6 flex justify-center gap-4">
          <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
            Try again
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Something went wrong</h1>
      <p className="mt-2 text-slate-700">
        The page could not be shown. Nothing you entered was lost by trying again.
      </p>
      {error.digest ? <p className="mt-2 text-sm text-slate-500">Reference: {error.digest}</p> : null}
      <div className="mt-6 flex justify-center gap-4">
        <button type="button" onClick={reset} className="rounded-md bg-brand-700 px-4 py-2 text-white">
          Try again
        </button>
        <Link href="/" className="px-4 py-2 text-brand-700 underline">
          Back to home
        </Link>
      </div>
    </main>
  );
}
