import type { Instrumentation } from "next";

// Runs once when a server process starts, including a bare `next start`, so the production
// guards hold however the app is launched.
export async function register() {
  // NEXT_RUNTIME is set by Next itself, not configuration, so it is read here and not in lib/env.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { registerNode } = await import("@/lib/boot/register-node");
    await registerNode();
  }
}

// Errors that escape a page, server action or route handler: one structured JSON line with the
// request id (lib/log/request-error.ts decides what of the error may be logged).
export const onRequestError: Instrumentation.onRequestError = async (err, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logRequestError } = await import("@/lib/log/request-error");
  logRequestError(err, request, context);
};
