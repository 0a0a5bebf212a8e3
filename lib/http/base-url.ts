import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { env } from "@/lib/env";

/**
 * The address users reach the app at, for invitation and reset links: NEXTAUTH_URL only. It is
 * never taken from Host / X-Forwarded-Host, which any client can forge to make a reset e-mail
 * point at an attacker. Production refuses to start without it (lib/boot/production-guards.ts)
 * and demo mode (`npm start`) always sets it to its localhost address.
 */
export function appBaseUrl(): string {
  return baseUrlFrom(env().NEXTAUTH_URL);
}

export function baseUrlFrom(configured: string | undefined): string {
  if (!configured) {
    throw new AppError(
      "INTERNAL",
      "NEXTAUTH_URL is not set: it is required to build invitation and password-reset links.",
    );
  }
  return configured.replace(/\/+$/, "");
}
