"use client";

import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/database-unavailable";

// Replaces the root layout when it fails, so it brings its own <html> and plain styles.
export default function GlobalError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <html lang="en">
      <body
        style={{
          fontFamily: "system-ui, sans-serif",
          maxWidth: "28rem",
          margin: "4rem auto",
          padding: "0 1rem",
          textAlign: "center",
        }}
      >
        {error.digest === DATABASE_UNAVAILABLE_DIGEST ? (
          <>
            <h1>Database unavailable</h1>
            <p>ClinReview cannot reach its database just now. Please try again in a minute.</p>
          </>
        ) : (
          <>
            <h1>Something went wrong</h1>
            <p>ClinReview could not show this page. Please try again in a moment.</p>
            {error.digest ? (
              <p style={{ color: "#64748b", fontSize: "0.875rem" }}>Reference: {error.digest}</p>
            ) : null}
          </>
        )}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </body>
    </html>
  );
}
