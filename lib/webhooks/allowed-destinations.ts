import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { checkDestination, type TAllowedHost } from "./allowed-hosts";

/** The operator's allowlist as configured now (WEBHOOK_ALLOWED_HOSTS). */
export function allowedWebhookHosts(): TAllowedHost[] {
  return env().WEBHOOK_ALLOWED_HOSTS;
}

/** Registration's check: a URL outside the allowlist is a field error on `url`. */
export function assertAllowedDestination(url: string): void {
  const check = checkDestination(url, allowedWebhookHosts());
  if (!check.ok)
    throw new AppError("VALIDATION", "This destination is not allowed", {
      fieldErrors: { url: [check.reason] },
    });
}
